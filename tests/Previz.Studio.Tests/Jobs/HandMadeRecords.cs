using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Previz.Providers.Hosting;
using Previz.Studio.Jobs;
using Previz.Studio.Persistence;
using Previz.Studio.Tests.Api;
using Previz.Testing;

namespace Previz.Studio.Tests.Jobs;

/// <summary>Hosted generations written straight to the records, in states that only a crash or a fault leaves.</summary>
internal static class HandMadeRecords
{
    /// <summary>The fake vendor's request for the stadium's breakaway shot, as the API stores it.</summary>
    public static string FalRequestJson() =>
        JsonSerializer.Serialize(new StoredHostedRequest(HostedProvider.Fal, LoopbackVendor.FalEndpoint, new JsonObject { ["prompt"] = "x" }), StudioJson.Options);

    /// <summary>Adds a hosted generation of the uploaded <paramref name="scene"/>; <paramref name="shape"/> sets the rest.</summary>
    public static async Task<Guid> AddHostedAsync(StudioFixture studio, JsonObject scene, GenerationState state, Action<GenerationRecord> shape)
    {
        var id = Guid.NewGuid();
        var record = new GenerationRecord
        {
            Id = id,
            Kind = GenerationKind.Hosted,
            State = state,
            SceneId = Guid.Parse((string)scene["id"]!),
            ShotId = "breakaway",
            Mode = "wireframe-to-video",
            ModelId = "test-video",
            VendorRequestJson = FalRequestJson(),
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        shape(record);
        await using var db = studio.App.Services.GetRequiredService<StudioDatabase>().CreateContext();
        db.Generations.Add(record);
        await db.SaveChangesAsync();
        return id;
    }
}
