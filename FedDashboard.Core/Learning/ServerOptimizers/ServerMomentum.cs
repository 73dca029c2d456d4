using FedDashboard.Core.Learning.Parameters;


namespace FedDashboard.Core.Learning.ServerOptimizers;

/// <summary>
/// FedAvgM (Hsu et al. 2019): heavy-ball momentum on the server, v ← β·v + Δ and x ← x + η·v, with Δ the round's
/// change aggregate − start. β = 0 and η = 1 is FedAvg. Elements no result trained have Δ = 0 but still move by the
/// momentum they carry.
/// </summary>
public sealed class ServerMomentum : IServerOptimizer
{
    private const string Velocity = "velocity";
    private readonly double _learningRate;
    private readonly double _momentum;

    public ServerMomentum(double learningRate, double momentum)
    {
        if (!(learningRate > 0 && double.IsFinite(learningRate)))
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The server learning rate is a finite number above 0.");
        if (!(momentum is >= 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "The server momentum is from 0 to below 1.");
        (_learningRate, _momentum) = (learningRate, momentum);
    }

    public ServerStep Step(ParameterSet start, ParameterSet aggregate, ParameterSet? state)
    {
        ServerState.RequireSameShape(start, aggregate);
        var velocity = ServerState.Slot(state, Velocity, start);
        var model = start.Arrays.Select((array, i) =>
        {
            var (x, target, v) = (array.Values, aggregate.Arrays[i].Values, velocity[i]);
            var next = new float[x.Length];
            for (var j = 0; j < x.Length; j++)
            {
                v[j] = (float)(_momentum * v[j] + ((double)target[j] - x[j]));
                next[j] = (float)(x[j] + _learningRate * v[j]);
            }
            return array with { Shape = (int[])array.Shape.Clone(), Values = next };
        }).ToArray();
        return new ServerStep(new ParameterSet(model), ServerState.Of(start, (Velocity, velocity)));
    }
}
