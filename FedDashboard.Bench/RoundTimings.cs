using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Persistence;
using FedDashboard.Model;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Bench;

/// <summary>One round's wall time (start to completion) and its steps' summed times, as the product recorded them.</summary>
internal sealed record RoundTiming(int Round, double WallSeconds, double EndedAfterSeconds, IReadOnlyDictionary<RoundStep, double> StepSeconds)
{
    public double Seconds(RoundStep step) => StepSeconds.GetValueOrDefault(step);
}

/// <summary>
/// Where the job's time went, from the rounds' recorded step totals. The training-to-wall ratio compares wall time with
/// the local training's summed CPU time spread over the machine's cores: the time the rounds would take if training were
/// all they did, with every core busy. The trainings' spans give a second, flattering ratio: a span also counts the time
/// its training waited for a core that the downloads, uploads and validations beside it held.
/// </summary>
/// <param name="TrainingCpuSeconds">Null where the system gives no thread CPU clock.</param>
/// <param name="ProcessCpuSeconds">The whole process's CPU time from the launch to the job's end (PostgreSQL's not included).</param>
internal sealed record RoundTimings(IReadOnlyList<RoundTiming> Rounds, int Cores, double? TrainingCpuSeconds, double ProcessCpuSeconds)
{
    public static async Task<RoundTimings> LoadAsync(FedDbContext db, int jobId, DateTimeOffset launchedAt, double? trainingCpuSeconds, double processCpuSeconds)
    {
        var rounds = await db.Rounds.AsNoTracking().Where(r => r.JobId == jobId && r.EndedAt != null).OrderBy(r => r.Number)
            .Select(r => new { r.Id, r.Number, r.StartedAt, EndedAt = r.EndedAt!.Value }).ToListAsync();
        var roundIds = rounds.Select(r => r.Id).ToList();
        var steps = (await db.RoundStepTimes.AsNoTracking().Where(t => roundIds.Contains(t.RoundId)).ToListAsync()).ToLookup(t => t.RoundId);
        return new RoundTimings(
            [.. rounds.Select(r => new RoundTiming(r.Number, (r.EndedAt - r.StartedAt).TotalSeconds, (r.EndedAt - launchedAt).TotalSeconds,
                steps[r.Id].ToDictionary(t => t.Step, t => t.TotalSeconds)))],
            Environment.ProcessorCount, trainingCpuSeconds, processCpuSeconds);
    }

    public double TrainingAtParallelism(double trainingSeconds) => trainingSeconds / Cores;

    public double Total(RoundStep step) => Rounds.Sum(r => r.Seconds(step));

    /// <summary>Wall time over training time at the machine's parallelism; 1 would be a round that only trains.</summary>
    public double? Ratio(double wallSeconds, double trainingSeconds) => trainingSeconds > 0 ? wallSeconds / TrainingAtParallelism(trainingSeconds) : null;

    public void Print(double wallSeconds)
    {
        var steps = Enum.GetValues<RoundStep>();
        Console.WriteLine();
        Console.WriteLine($"Where the time went (seconds; steps marked * run per terminal or edge side by side and are summed over them; {Cores} cores):");
        Console.WriteLine($"{"round",6} {"wall",7} " + string.Join(" ", steps.Select(s => $"{Short(s),9}")) + $" {"wall/spans",10}");
        foreach (var round in Rounds)
            Console.WriteLine($"{round.Round,6} {round.WallSeconds,7:0.000} " + string.Join(" ", steps.Select(s => $"{round.Seconds(s),9:0.000}"))
                + $" {Ratio(round.WallSeconds, round.Seconds(RoundStep.Training)),10:0.00}");
        Console.WriteLine($"{"total",6} {wallSeconds,7:0.00} " + string.Join(" ", steps.Select(s => $"{Total(s),9:0.00}")) + $" {Ratio(wallSeconds, Total(RoundStep.Training)),10:0.00}");
        var spans = Total(RoundStep.Training);
        Console.WriteLine($"Local training's spans: {spans:0.0} s summed over terminals = {TrainingAtParallelism(spans):0.0} s at {Cores} cores; wall / spans = {Ratio(wallSeconds, spans):0.00} (a span counts waits for a core held by the work beside it).");
        Console.WriteLine(TrainingCpuSeconds is { } cpu
            ? $"Local training's CPU time: {cpu:0.0} s = {TrainingAtParallelism(cpu):0.0} s at {Cores} cores; wall {wallSeconds:0.0} s; wall / training = {Ratio(wallSeconds, cpu):0.00} (target ≤ 1.5)."
            : "Local training's CPU time: not measured (no thread CPU clock on this system).");
        Console.WriteLine($"This process's CPU time in the job: {ProcessCpuSeconds:0.0} s, {ProcessCpuSeconds / (wallSeconds * Cores):P0} of {Cores} cores over the wall time"
            + (TrainingCpuSeconds is { } trainingCpu ? $"; local training {trainingCpu / ProcessCpuSeconds:P0} of it" : "") + " (PostgreSQL's CPU is not counted).");
        Console.WriteLine($"Rounds' own wall (start to completion) sums to {Rounds.Sum(r => r.WallSeconds):0.0} s; the rest, {wallSeconds - Rounds.Sum(r => r.WallSeconds):0.0} s, is selection before each round's start and the hand-over between rounds.");
    }

    public object ToJson(double wallSeconds) => new
    {
        cores = Cores,
        trainingSeconds = Math.Round(Total(RoundStep.Training), 3),
        trainingAtParallelismSeconds = Math.Round(TrainingAtParallelism(Total(RoundStep.Training)), 3),
        wallToTrainingRatio = Rounded(Ratio(wallSeconds, Total(RoundStep.Training))),
        trainingCpuSeconds = Rounded(TrainingCpuSeconds),
        trainingCpuAtParallelismSeconds = Rounded(TrainingCpuSeconds / Cores),
        wallToTrainingCpuRatio = TrainingCpuSeconds is { } cpu ? Rounded(Ratio(wallSeconds, cpu)) : null,
        processCpuSeconds = Math.Round(ProcessCpuSeconds, 3),
        stepSeconds = Enum.GetValues<RoundStep>().ToDictionary(s => s.ToString(), s => Math.Round(Total(s), 3)),
        perRound = Rounds.Select(r => new
        {
            round = r.Round,
            wallSeconds = Math.Round(r.WallSeconds, 3),
            endedAfterSeconds = Math.Round(r.EndedAfterSeconds, 3),
            wallToTrainingRatio = Rounded(Ratio(r.WallSeconds, r.Seconds(RoundStep.Training))),
            stepSeconds = r.StepSeconds.ToDictionary(s => s.Key.ToString(), s => Math.Round(s.Value, 4)),
        }),
    };

    private static double? Rounded(double? value) => value is { } v ? Math.Round(v, 3) : null;

    private static string Short(RoundStep step) => (step.ToString().Length > 8 ? step.ToString()[..8] : step.ToString()) + (RoundStepTexts.RunsSideBySide(step) ? "*" : "");
}
