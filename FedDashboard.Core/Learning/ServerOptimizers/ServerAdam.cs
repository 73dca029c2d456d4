using FedDashboard.Core.Learning.Parameters;


namespace FedDashboard.Core.Learning.ServerOptimizers;

/// <summary>
/// FedAdam (Reddi et al. 2021, Algorithm 2): Adam on the server with the round's change Δ = aggregate − start as the
/// pseudo-gradient: m ← β₁·m + (1 − β₁)·Δ, v ← β₂·v + (1 − β₂)·Δ², x ← x + η·m ∕ (√v + τ). As in the paper, without
/// bias correction; τ bounds the step where v is small. Elements no result trained have Δ = 0 but still move by m.
/// </summary>
public sealed class ServerAdam : IServerOptimizer
{
    private const string FirstMoment = "m";
    private const string SecondMoment = "v";
    private readonly double _learningRate;
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly double _tau;

    public ServerAdam(double learningRate, double beta1, double beta2, double tau)
    {
        if (!(learningRate > 0 && double.IsFinite(learningRate)))
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The server learning rate is a finite number above 0.");
        if (!(beta1 is >= 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "β₁ is from 0 to below 1.");
        if (!(beta2 is >= 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "β₂ is from 0 to below 1.");
        if (!(tau > 0 && double.IsFinite(tau))) throw new ArgumentOutOfRangeException(nameof(tau), tau, "τ is a finite number above 0.");
        (_learningRate, _beta1, _beta2, _tau) = (learningRate, beta1, beta2, tau);
    }

    public ServerStep Step(ParameterSet start, ParameterSet aggregate, ParameterSet? state)
    {
        ServerState.RequireSameShape(start, aggregate);
        var (m, v) = (ServerState.Slot(state, FirstMoment, start), ServerState.Slot(state, SecondMoment, start));
        var model = start.Arrays.Select((array, i) =>
        {
            var (x, target, first, second) = (array.Values, aggregate.Arrays[i].Values, m[i], v[i]);
            var next = new float[x.Length];
            for (var j = 0; j < x.Length; j++)
            {
                var delta = (double)target[j] - x[j];
                first[j] = (float)(_beta1 * first[j] + (1 - _beta1) * delta);
                second[j] = (float)(_beta2 * second[j] + (1 - _beta2) * delta * delta);
                next[j] = (float)(x[j] + _learningRate * first[j] / (Math.Sqrt(second[j]) + _tau));
            }
            return array with { Shape = (int[])array.Shape.Clone(), Values = next };
        }).ToArray();
        return new ServerStep(new ParameterSet(model), ServerState.Of(start, (FirstMoment, m), (SecondMoment, v)));
    }
}
