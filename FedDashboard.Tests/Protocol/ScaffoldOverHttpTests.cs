using FedDashboard.Core.Domain.Policies.Job;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Scaffold;
using FedDashboard.Protocol;
using FedDashboard.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Tests.Protocol;

/// <summary>
/// A SCAFFOLD job's work over HTTP, as an agent does it: the assignment names c and c_i, the terminal downloads them,
/// and its upload must carry Δc_i beside the model; a wrong one is refused and changes nothing.
/// </summary>
public sealed class ScaffoldOverHttpTests : IAsyncLifetime
{
    private WorkRound _round = null!;

    public async Task InitializeAsync() =>
        _round = await WorkRound.StartAsync(policy: TestData.Policy() with { Aggregation = new AggregationPolicy { Rule = AggregationRule.Scaffold } });

    public async Task DisposeAsync() => await _round.DisposeAsync();

    private ParameterSet Start => Decoded(_round.Model);

    [Fact]
    public async Task Current_ScaffoldJob_NamesZeroControlsTheTerminalDownloads()
    {
        var controls = _round.Info.Controls!;

        var server = Decoded(await _round.Terminal.DownloadAsync(controls.ServerHash));
        var terminal = Decoded(await _round.Terminal.DownloadAsync(controls.TerminalHash));

        Assert.True(server.ShapeMatches(Start));
        Assert.True(terminal.ShapeMatches(Start));
        Assert.All(server.Arrays.Concat(terminal.Arrays), array => Assert.All(array.Values, value => Assert.Equal(0f, value)));
    }

    [Fact]
    public async Task Upload_WithoutControlDelta_RefusedSayingSoAndNothingStored()
    {
        var refusal = await Assert.ThrowsAsync<TerminalProtocolException>(() => _round.Terminal.UploadAsync(_round.Target.Id, _round.HonestMetadata, _round.Model, "plain"));

        Assert.Equal(ProtocolError.InvalidRequest, refusal.Code);
        Assert.Contains("SCAFFOLD", refusal.Message);
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData(float.NaN, 1.0, ProtocolError.NonFinite)]
    [InlineData(0.1f, 0.5, ProtocolError.WrongShape)]
    public async Task Upload_BadControlDelta_RefusedAndNothingStored(float value, double width, string code)
    {
        var delta = FilledParameters.Of(new ModelSpec(ModelArchitecture.Mlp2NN, width), value);

        var refusal = await Assert.ThrowsAsync<TerminalProtocolException>(() =>
            _round.Terminal.UploadAsync(_round.Target.Id, _round.HonestMetadata, Encoded(ControlDeltaUpload.Join(Start, delta)), "bad-delta"));

        Assert.Equal(code, refusal.Code);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Upload_WithControlDelta_CountedAndAfterTheRoundTheTerminalsCiIsIt()
    {
        var controls = _round.Info.Controls!;
        var training = new ControlledTraining(new ModelSpec(ModelArchitecture.Mlp2NN), Start,
            Decoded(await _round.Terminal.DownloadAsync(controls.ServerHash)), Decoded(await _round.Terminal.DownloadAsync(controls.TerminalHash)));
        var trained = new ParameterSet(Start.Arrays.Select(array => array with { Values = [.. array.Values.Select(v => v - 0.01f)] }));
        var delta = training.Delta(trained, steps: _round.Info.PlannedSteps, _round.Info.LearningRate);

        var reply = await _round.Terminal.UploadAsync(_round.Target.Id, _round.HonestMetadata, Encoded(ControlDeltaUpload.Join(trained, delta)), "with-delta");
        await _round.CompleteAsync();

        Assert.False(reply.Duplicate);
        await using var db = _round.Server.Host.Db();
        var stored = await db.RoundParticipants.AsNoTracking().SingleAsync(p => p.Id == _round.Target.Id);
        var control = await db.TerminalControls.AsNoTracking().SingleAsync(c => c.TerminalId == _round.Target.TerminalId);
        Assert.Equal(stored.Result.ControlDeltaHash, control.ControlHash);
        Assert.Equal(Encoded(delta), Encoded(_round.Server.Host.Get<ModelBlobStore>().Get(control.ControlHash)));
    }

    private async Task AssertNothingStoredAsync()
    {
        await using var db = _round.Server.Host.Db();
        var stored = await db.RoundParticipants.AsNoTracking().SingleAsync(p => p.Id == _round.Target.Id);
        Assert.Equal(ParticipantStatus.Training, stored.Status);
        Assert.Null(stored.Result.UpdateHash);
        Assert.Null(stored.Result.ControlDeltaHash);
        Assert.False(await db.TerminalControls.AnyAsync());
    }

    private static ParameterSet Decoded(byte[] bytes) => ParameterSetCodec.Read(new MemoryStream(bytes));

    private static byte[] Encoded(ParameterSet parameters)
    {
        using var stream = new MemoryStream();
        ParameterSetCodec.Write(stream, parameters);
        return stream.ToArray();
    }
}
