using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Training;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Training;

/// <summary>
/// The central server trains on its own data when too few terminals are available: in a round that accepted fewer
/// results than its C·K, it trains the round's base model on its own images (<see cref="FederatedData.ServerSampleOf"/>)
/// with the terminals' E, B and η, and the model joins the round's central combination.
/// </summary>
public sealed class CentralTraining(ModelBlobStore blobs, FederatedData data)
{
    /// <param name="acceptedResults">The terminals' results the round accepted.</param>
    /// <returns>The round's contribution, not yet added; null when the job does not train centrally or the round accepted enough.</returns>
    public async Task<CentralContribution?> TrainIfShortAsync(FedDbContext db, TrainingJob job, Round round, int acceptedResults, DateTimeOffset now, CancellationToken ct)
    {
        var settings = job.Settings;
        if (settings.CentralDataSamples == 0) return null;
        var fleet = await db.FleetOfAsync(job, ct);
        if (!settings.TrainsCentrally(acceptedResults, fleet)) return null;

        var start = await db.ModelVersions.Where(v => v.Id == round.BaseModelVersionId).Select(v => v.ModelHash).SingleAsync(ct);
        var trained = LocalTrainer.Train(new ModelSpec(settings.Model), blobs.Get(start), data.Train, data.ServerSampleOf(job),
            new LocalTrainingSettings(settings.LocalEpochs, settings.BatchSize, settings.LearningRate, job.Policy.Aggregation.TerminalProximalMu), ShuffleSeed(settings, round), ct);
        return new CentralContribution(round.Id, blobs.Put(trained.Parameters), trained.Samples, acceptedResults, settings.ParticipantsPerRound(fleet), now);
    }

    // A run repeated after a crash shuffles alike, so it trains the same model.
    private static int ShuffleSeed(TrainingSettings settings, Round round) => unchecked(settings.Seed * 7_919 + round.Number);
}
