using System.Text.Json.Nodes;
using Previz.Testing;

namespace Previz.Studio.Tests.Api;

/// <summary>
/// A hosted generation made the way the API makes every one: the stadium's breakaway shot through Kling 2.6 Pro on
/// fal, its start frame a Direct Render capture, planned, priced and built by the pipeline, sent to the stand-in.
/// </summary>
internal static class HostedChoices
{
    public const string Model = "kling-2.6-pro";

    public const string Key = "fal-test-key-123456";

    /// <summary>The create body; <paramref name="scene"/> replaces the auto-prompt's Scene part (the prompt starts with it).</summary>
    public static JsonObject Create(string sceneId, string? scene = null) => new()
    {
        ["sceneId"] = sceneId,
        ["shotId"] = "breakaway",
        ["mode"] = "start-frame",
        ["modelId"] = Model,
        ["options"] = new JsonObject { ["startFrame"] = "capture" },
        ["prompt"] = scene is null ? null : new JsonObject { ["scene"] = scene },
    };

    /// <summary>Command-line settings of an in-process studio whose fal calls go to <paramref name="fal"/>.</summary>
    public static string[] Settings(LoopbackVendor fal, string key = Key) =>
        [$"--FAL_KEY={key}", $"--Providers:Fal:QueueUrl={fal.FalQueueUrl}", $"--Providers:Fal:StorageUrl={fal.FalStorageUrl}"];

    /// <summary>The same as environment variables, for a studio process.</summary>
    public static Dictionary<string, string> Environment(LoopbackVendor fal, string key = Key) => new()
    {
        ["FAL_KEY"] = key,
        ["Providers__Fal__QueueUrl"] = fal.FalQueueUrl.ToString(),
        ["Providers__Fal__StorageUrl"] = fal.FalStorageUrl.ToString(),
    };
}
