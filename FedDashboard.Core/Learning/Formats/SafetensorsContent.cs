using FedDashboard.Core.Learning.Parameters;

namespace FedDashboard.Core.Learning.Formats;

/// <summary>What a safetensors file holds: the tensors, in file order, and the free-form string metadata.</summary>
public sealed record SafetensorsContent(ParameterSet Parameters, IReadOnlyDictionary<string, string> Metadata);
