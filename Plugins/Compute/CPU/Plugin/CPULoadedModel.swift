public import CocoonCPUEngine
public import CocoonInference

/// A model served by the CPU engine: the device-neutral served model over the CPU forward pass.
public typealias CPULoadedModel = InferenceLoadedModel<LanguageModel>
