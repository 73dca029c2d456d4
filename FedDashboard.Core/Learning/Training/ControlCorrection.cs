using FedDashboard.Core.Learning.Parameters;
using TorchSharp;
using static TorchSharp.torch;

namespace FedDashboard.Core.Learning.Training;

/// <summary>
/// SCAFFOLD's correction of each local step (Karimireddy et al. 2020): the gradient plus c − c_i, a constant for the
/// whole training, added after the loss's backward pass like <see cref="ProximalTerm"/>. Frozen layers get none.
/// </summary>
internal sealed class ControlCorrection : IDisposable
{
    private readonly (Tensor Gradient, Tensor Correction)[] _pairs;

    public ControlCorrection(nn.Module model, ParameterSet correction)
    {
        _pairs = [.. model.named_parameters()
            .Where(named => named.parameter.requires_grad)
            .Select(named => (named.parameter as Tensor, Tensor(correction, named.name, named.parameter.shape)))];
    }

    /// <summary>Adds c − c_i to each trainable parameter's gradient.</summary>
    public void AddToGradients()
    {
        using var _ = no_grad();
        using var scope = torch.NewDisposeScope();
        foreach (var (parameter, correction) in _pairs)
        {
            parameter.grad?.add_(correction);
        }
    }

    public void Dispose()
    {
        foreach (var (_, correction) in _pairs) correction.Dispose();
    }

    private static Tensor Tensor(ParameterSet correction, string name, long[] shape)
    {
        var array = correction[name];
        if (!array.Shape.Select(d => (long)d).SequenceEqual(shape))
            throw new ArgumentException($"The correction's '{name}' has shape [{string.Join(", ", array.Shape)}], the model [{string.Join(", ", shape)}].", nameof(correction));
        return tensor(array.Values, shape);
    }
}
