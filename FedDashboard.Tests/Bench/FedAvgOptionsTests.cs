extern alias bench;
using bench::FedDashboard.Bench;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Models;

namespace FedDashboard.Tests.Bench;

/// <summary>`./fed bench fedavg` options: the paper's settings, options that override them, and clear errors.</summary>
public sealed class FedAvgOptionsTests
{
    private static BenchJob Job(params string[] args) => FedAvgBenchmark.Job(BenchArguments.Parse(args));

    [Fact]
    public void Job_NoSetting_IsThePaper2nnIidSettingWithItsFigure()
    {
        var job = Job();

        Assert.Equal((ModelArchitecture.Mlp2NN, DataPartition.Iid, 1, 10, 0.1, 0.1), (job.Settings.Model, job.Settings.Partition, job.Settings.LocalEpochs, job.Settings.BatchSize, job.Settings.ClientFraction, job.Settings.LearningRate));
        Assert.Equal(0.97, job.Target);
        Assert.Equal(new PaperFigure(87), PaperFigures.For(job));
    }

    [Theory]
    [InlineData("2nn-noniid", ModelArchitecture.Mlp2NN, DataPartition.PathologicalNonIid, 1, 0.97, 664, null)]
    [InlineData("cnn-iid", ModelArchitecture.Cnn, DataPartition.Iid, 5, 0.99, 18, 20)]
    [InlineData("cnn-noniid", ModelArchitecture.Cnn, DataPartition.PathologicalNonIid, 5, 0.99, 206, 229)]
    public void Job_Setting_SetsModelPartitionEpochsAndTargetAndFindsThePaperFigure(
        string setting, ModelArchitecture model, DataPartition partition, int epochs, double target, int paperRounds, int? table2Rounds)
    {
        var job = Job("--setting", setting);

        Assert.Equal((model, partition, epochs, 10), (job.Settings.Model, job.Settings.Partition, job.Settings.LocalEpochs, job.Settings.BatchSize));
        Assert.Equal(target, job.Target);
        Assert.Equal(new PaperFigure(paperRounds, table2Rounds), PaperFigures.For(job));
    }

    [Fact]
    public void Job_SettingWithOptions_OptionsOverrideTheSetting()
    {
        var job = Job("--setting", "cnn-iid", "--lr", "0.02", "--max-rounds", "3", "--batch", "50");

        Assert.Equal((ModelArchitecture.Cnn, 5, 50, 0.02), (job.Settings.Model, job.Settings.LocalEpochs, job.Settings.BatchSize, job.Settings.LearningRate));
        Assert.Equal(3, job.Policy.Termination.MaxRounds);
        Assert.Null(PaperFigures.For(job));
    }

    [Theory]
    [InlineData("--setting", "cnn", "--setting must be one of 2nn-iid, 2nn-noniid, cnn-iid, cnn-noniid (was 'cnn').")]
    [InlineData("--lr", "fast", "--lr must be a number (was 'fast').")]
    [InlineData("--model", "resnet", "--model must be 2nn or cnn (was 'resnet').")]
    public void Job_BadValue_ErrorSaysWhatIsWrong(string option, string value, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => Job(option, value));

        Assert.Equal(message, error.Message);
    }
}
