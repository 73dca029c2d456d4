using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedDashboard.Core.Learning.Training;

/// <summary>
/// Minibatch SGD without momentum or weight decay, the update torch.optim.SGD makes then (p ← p − η·∇p), with the step's
/// scalar made once and held until disposed.
/// </summary>
/// <remarks>
/// TorchSharp's SGD passes the rate to the native add_ as a new Scalar each step and keeps no reference to it, so the
/// finalizer thread may free it while the native call still reads it; CI saw that once as libtorch's "Expected false to
/// be true" from Scalar::toFloat in the middle of a training.
/// </remarks>
internal sealed class PlainSgd(IReadOnlyList<Parameter> parameters, double learningRate) : IDisposable
{
    private readonly Scalar _descent = (-learningRate).ToScalar();

    public void ZeroGrad()
    {
        foreach (var parameter in parameters) parameter.grad?.zero_();
    }

    public void Step()
    {
        using var _ = no_grad();
        foreach (var parameter in parameters)
        {
            if (parameter.grad is { } gradient) parameter.add_(gradient, _descent);
        }
    }

    public void Dispose() => _descent.Dispose();
}
