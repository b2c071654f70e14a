using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Previz.Studio.Jobs;
using Previz.Studio.Persistence;
using Previz.Studio.Planning;
using Previz.Studio.Scenes;
using Previz.Studio.Tests.Api;

namespace Previz.Studio.Tests.Jobs;

/// <summary>Hosted generations written straight to the records, in states that only a crash or a fault leaves.</summary>
internal static class HandMadeRecords
{
    /// <summary>The plan the API would store for <see cref="HostedChoices"/> on the uploaded <paramref name="scene"/>.</summary>
    public static async Task<string> PlanJsonAsync(StudioFixture studio, JsonObject scene)
    {
        var sceneId = Guid.Parse((string)scene["id"]!);
        var scenes = studio.App.Services.GetRequiredService<SceneStore>();
        var record = await scenes.FindAsync(sceneId, CancellationToken.None) ?? throw new InvalidOperationException($"No scene {sceneId}.");
        var document = await scenes.LoadAsync(record, CancellationToken.None);
        var choices = new ShotChoices { SceneId = sceneId, ShotId = "breakaway", Mode = "start-frame", ModelId = HostedChoices.Model, StartFrame = "capture" };
        var plan = await studio.App.Services.GetRequiredService<PipelinePlanner>().PlanAsync(choices, document, record.ContentHash, CancellationToken.None);
        return plan.ToJson();
    }

    /// <summary>Adds a hosted generation of the uploaded <paramref name="scene"/>, planned as the API plans it; <paramref name="shape"/> sets the rest.</summary>
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
            Mode = "start-frame",
            ModelId = HostedChoices.Model,
            PlanJson = await PlanJsonAsync(studio, scene),
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
