using FedDashboard.Core.Domain.Delivery;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Learning.Data;
using FedDashboard.Core.Learning.Formats;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FedDashboard.Core.Orchestration.Delivery;

/// <summary>
/// A version's ONNX file, offered only once it passed <see cref="OnnxExportCheck"/> (ONNX Runtime's accuracy on the
/// 10,000 test images within 0.1 points of TorchSharp's). The check runs once per version: its outcome is a row, the
/// file a blob; a node that lacks the blob exports it again (the export is deterministic) without checking again.
/// </summary>
public sealed class OnnxDeliveries(IDbContextFactory<FedDbContext> dbFactory, ModelBlobStore blobs, OnnxFileStore files,
    IOptions<DataOptions> data, IHostEnvironment environment, TimeProvider clock)
{
    // One check at a time in a process: each takes both cores for a few seconds, and two of the same version are waste.
    private static readonly SemaphoreSlim Checking = new(1, 1);

    /// <exception cref="ConflictException">The export failed its check; the message gives both accuracies.</exception>
    public async Task<byte[]> FileAsync(RequestModel model, CancellationToken ct)
    {
        var record = await CheckedAsync(model, ct);
        if (!record.Passed)
        {
            throw new ConflictException(
                $"The ONNX export of {model.Version.Label} did not pass its check (ONNX Runtime {(double)record.OnnxCorrect / record.Images:P2}, "
                + $"TorchSharp {(double)record.TorchCorrect / record.Images:P2} on {record.Images} test images) and is not offered; download model.safetensors instead.");
        }
        return files.Find(record.FileHash) ?? Export(model);
    }

    private async Task<OnnxCheckRecord> CheckedAsync(RequestModel model, CancellationToken ct)
    {
        if (await FindAsync(model.Version.Id, ct) is { } done) return done;
        await Checking.WaitAsync(ct);
        try
        {
            if (await FindAsync(model.Version.Id, ct) is { } meanwhile) return meanwhile;
            var file = Export(model);
            var test = MnistLoader.LoadRawTest(Path.GetFullPath(data.Value.MnistPath, environment.ContentRootPath));
            var result = OnnxExportCheck.Run(file, model.Request.Model, blobs.Get(model.Version.ModelHash), test);
            var record = new OnnxCheckRecord(model.Version.Id, files.Put(file), result.Images, result.TorchCorrect, result.OnnxCorrect, result.Agreeing,
                result.Passed, clock.GetUtcNow());
            return await SaveAsync(record, ct);
        }
        finally
        {
            Checking.Release();
        }
    }

    private byte[] Export(RequestModel model) => OnnxExport.Export(model.Request.Model, blobs.Get(model.Version.ModelHash), model.Metadata);

    private async Task<OnnxCheckRecord?> FindAsync(int versionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OnnxChecks.AsNoTracking().SingleOrDefaultAsync(c => c.VersionId == versionId, ct);
    }

    /// <summary>Stores the outcome; another node that checked the same version first keeps its row.</summary>
    private async Task<OnnxCheckRecord> SaveAsync(OnnxCheckRecord record, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.OnnxChecks.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
            return record;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return await FindAsync(record.VersionId, ct) ?? throw new InvalidOperationException("The ONNX check row vanished.", e);
        }
    }
}
