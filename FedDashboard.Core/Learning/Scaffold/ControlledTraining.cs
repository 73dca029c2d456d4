using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Tiers;
using FedDashboard.Core.Learning.Training;

namespace FedDashboard.Core.Learning.Scaffold;

/// <summary>
/// A terminal's side of SCAFFOLD in one assignment, for the simulated fleet and the agent alike: its start model x,
/// the server's c and its own c_i, all at the width it trains; each local step's gradient is corrected by c − c_i, and
/// after K steps the terminal reports Δc_i (see <see cref="ControlVariates.TerminalDelta"/>).
/// </summary>
public sealed record ControlledTraining(ModelSpec Spec, ParameterSet Start, ParameterSet Server, ParameterSet Terminal)
{
    /// <summary>The settings with the correction c − c_i.</summary>
    public LocalTrainingSettings Corrected(LocalTrainingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { ControlCorrection = ControlVariates.Correction(Server, Terminal) };
    }

    /// <summary>The same at a narrower width, after the edge granted a lighter model: every part keeps its first units.</summary>
    public ControlledTraining Narrowed(ModelSpec narrower) =>
        new(narrower, SubModel.Extract(Start, Spec, narrower), SubModel.Extract(Server, Spec, narrower), SubModel.Extract(Terminal, Spec, narrower));

    /// <summary>Δc_i after <paramref name="steps"/> steps in all at rate <paramref name="learningRate"/>, to upload with the model (<see cref="ControlDeltaUpload.Join"/>).</summary>
    public ParameterSet Delta(ParameterSet trained, int steps, double learningRate) => ControlVariates.TerminalDelta(Start, trained, Server, steps, learningRate);
}
