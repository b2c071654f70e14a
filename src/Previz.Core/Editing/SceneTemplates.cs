using System.Text.Json;
using System.Text.Json.Nodes;

namespace Previz.Core.Editing;

/// <summary>Documents to start from.</summary>
public static class SceneTemplates
{
    /// <summary>A new scene: a 40 × 40 m ground plane, one 35 mm camera at eye height 8 m back, one 5 s shot through it.</summary>
    public static byte[] Empty(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var document = new JsonObject
        {
            ["format"] = "previz-scene/1",
            ["name"] = name.Trim(),
            ["objects"] = new JsonArray(new JsonObject
            {
                ["id"] = "ground",
                ["name"] = "ground",
                ["kind"] = "plane",
                ["size"] = new JsonArray(40, 0, 40),
                ["color"] = "#7a7d80",
            }),
            ["cameras"] = new JsonArray(new JsonObject
            {
                ["id"] = "camera-1",
                ["name"] = "Camera 1",
                ["transform"] = new JsonObject { ["position"] = new JsonArray(0, 1.6, 8) },
                ["lens"] = new JsonObject { ["focalLength"] = 35 },
            }),
            ["shots"] = new JsonArray(new JsonObject
            {
                ["id"] = "shot-1",
                ["name"] = "Shot 1",
                ["cameraId"] = "camera-1",
                ["start"] = 0,
                ["duration"] = 5,
                ["fps"] = 24,
                ["aspect"] = "16:9",
            }),
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, SceneEditJson.DocumentWriteOptions);
    }
}
