namespace Previz.Providers.Fal;

/// <summary>fal hosts (configuration section <c>Providers:Fal</c>, environment <c>Providers__Fal__QueueUrl</c>, …).</summary>
public sealed class FalOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Providers:Fal";

    /// <summary>
    /// The queue API: submit is <c>POST {QueueUrl}/{endpoint_id}</c> (fal-ai/fal-js libs/client/src/request.ts buildUrl
    /// with subdomain "queue"; fal docs "Inference API").
    /// </summary>
    public Uri QueueUrl { get; set; } = new("https://queue.fal.run");

    /// <summary>
    /// The REST API that hosts storage: <c>POST {StorageUrl}/storage/upload/initiate?storage_type=fal-cdn-v3</c>
    /// (fal-ai/fal-js libs/client/src/storage.ts uses the REST host; rest.fal.ai per shared/MODELS.md).
    /// </summary>
    public Uri StorageUrl { get; set; } = new("https://rest.fal.ai");
}
