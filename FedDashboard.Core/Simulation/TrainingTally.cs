using FedDashboard.Core.Learning.Training;


namespace FedDashboard.Core.Simulation;

/// <summary>A local training that ran in pieces (a swap continues on a narrower model): the totals and the latest piece.</summary>
public sealed class TrainingTally
{
    public int Pieces { get; private set; }
    public int Steps { get; private set; }
    public int SamplesSeen { get; private set; }
    public TimeSpan Duration { get; private set; }

    /// <summary>The latest piece; its loss and accuracy stand for the whole training.</summary>
    public LocalTrainingResult? Latest { get; private set; }

    public double SamplesPerSecond => SamplesSeen / Math.Max(Duration.TotalSeconds, 1e-6);

    public void Add(LocalTrainingResult piece)
    {
        Pieces++;
        Steps += piece.Steps;
        SamplesSeen += piece.SamplesSeen;
        Duration += piece.Duration;
        Latest = piece;
    }
}
