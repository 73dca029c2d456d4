using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Learning.Formats;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Orchestration.Requests;
using FedDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Orchestration.Delivery;

/// <summary>The files an ended request delivers, for its client (its own requests only) or an operator (any request).</summary>
/// <exception cref="NotFoundException">No such request, or not the client's: the same answer, so ids do not leak.</exception>
/// <exception cref="ConflictException">The request has no model (still open, cancelled, or no version was promoted); the message says which.</exception>
public sealed class RequestModels(IDbContextFactory<FedDbContext> dbFactory, RequestStatusSync sync, ModelBlobStore blobs, OnnxDeliveries onnx)
{
    /// <param name="clientId">The calling client's id; null for an operator, who may read every request.</param>
    public async Task<RequestModel> FindAsync(int? clientId, int requestId, CancellationToken ct = default)
    {
        // As reading a request does: a deadline passed a moment ago counts now, not at the next minute's pass.
        await sync.SyncAsync(requestId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.TrainingRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId && (clientId == null || r.ClientId == clientId), ct)
            ?? throw new NotFoundException($"There is no training request {requestId}.");
        var version = await RequestVersions.DeliveredAsync(db, request, ct);
        return version is null ? throw NoModel(request) : new RequestModel(request, version);
    }

    public async Task<byte[]> SafetensorsAsync(RequestModel model, CancellationToken ct = default)
    {
        var parameters = await Task.Run(() => blobs.Get(model.Version.ModelHash), ct);
        using var file = new MemoryStream();
        Safetensors.Write(file, parameters, new Dictionary<string, string>(model.Metadata) { ["architecture"] = model.Request.Model.ToString() });
        return file.ToArray();
    }

    public Task<byte[]> OnnxAsync(RequestModel model, CancellationToken ct = default) => Task.Run(() => onnx.FileAsync(model, ct), ct);

    private static ConflictException NoModel(TrainingRequest request) => new(request.Status switch
    {
        TrainingRequestStatus.Met or TrainingRequestStatus.Failed => $"Training request {request.Id} ended ({request.Status}) before any version was promoted: there is no model to download.",
        TrainingRequestStatus.Cancelled => $"Training request {request.Id} was cancelled: no model is delivered.",
        _ => $"Training request {request.Id} is {request.Status}: there is no model yet. It is delivered when the request is met, or (marked as not meeting the condition) when it fails.",
    });
}
