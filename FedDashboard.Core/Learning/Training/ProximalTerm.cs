using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedDashboard.Core.Learning.Training;

/// <summary>
/// FedProx's proximal term μ∕2·‖w − w_start‖² (Li et al. 2020), added to the loss through its gradient μ·(w − w_start)
/// after the loss's backward pass: the same step as differentiating the sum, without building the term's graph.
/// Holds a copy of the parameters as they started, and the scalar μ for the reason <see cref="PlainSgd"/> holds its rate.
/// </summary>
internal sealed class ProximalTerm : IDisposable
{
    private readonly IReadOnlyList<Parameter> _parameters;
    private readonly Tensor[] _start;
    private readonly Scalar _mu;

    public ProximalTerm(IReadOnlyList<Parameter> parameters, double mu)
    {
        _parameters = parameters;
        using (no_grad()) _start = [.. parameters.Select(parameter => parameter.detach().clone())];
        _mu = mu.ToScalar();
    }

    /// <summary>Adds μ·(w − w_start) to each parameter's gradient.</summary>
    public void AddGradient()
    {
        using var _ = no_grad();
        using var scope = torch.NewDisposeScope();
        for (var i = 0; i < _parameters.Count; i++)
        {
            if (_parameters[i].grad is { } gradient) gradient.add_(_parameters[i].sub(_start[i]), _mu);
        }
    }

    public void Dispose()
    {
        foreach (var tensor in _start) tensor.Dispose();
        _mu.Dispose();
    }
}
