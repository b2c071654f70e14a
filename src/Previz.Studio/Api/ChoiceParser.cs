using System.Text.Json;
using System.Text.Json.Nodes;
using Previz.Core.Catalog;
using Previz.Core.Options;
using Previz.Core.Prompting;
using Previz.Studio.Planning;

namespace Previz.Studio.Api;

/// <summary>
/// Reads a request's choices into <see cref="ShotChoices"/>, at the edge. Unknown fields and wrong types are refused
/// with the field named (<c>options.audo</c>), so a typo never silently changes what is generated and paid for.
/// </summary>
public static class ChoiceParser
{
    public static readonly IReadOnlyList<string> OptionFields =
        ["duration", "aspect", "orientation", "audio", "resolution", "acceptDurationCap", "startFrame", "endFrame", "references", "useReferenceEndpoint", "negativePrompt", "pass"];

    public static readonly IReadOnlyList<string> PromptFields = ["scene", "style", "lighting"];

    public static ShotChoices Parse(ChoicesBody body, Guid sceneId)
    {
        ArgumentNullException.ThrowIfNull(body);
        var options = body.Options ?? [];
        var prompt = body.Prompt ?? [];
        Refuse(options, "options", OptionFields);
        Refuse(prompt, "prompt", PromptFields);

        var aspect = String(options, "aspect");
        var orientation = String(options, "orientation");
        if (aspect is not null && orientation is not null && aspect != orientation)
        {
            throw new FieldException("options.orientation", "Give aspect or orientation, not both.");
        }

        var resolutionText = String(options, "resolution");
        var resolution = ResolutionTier.Preview1K;
        if (resolutionText is not null && !ResolutionTiers.TryParse(resolutionText, out resolution))
        {
            throw new FieldException("options.resolution", $"\"{resolutionText}\" is not a resolution; use 1k or 2k.");
        }

        var video = new VideoRequestOptions
        {
            Duration = Number(options, "duration"),
            Aspect = aspect ?? orientation,
            Audio = Bool(options, "audio") ?? false,
            Resolution = resolution,
            AcceptDurationCap = Bool(options, "acceptDurationCap") ?? false,
        };
        return new ShotChoices
        {
            SceneId = sceneId,
            ShotId = body.ShotId,
            Mode = body.Mode,
            ModelId = body.ModelId,
            Video = video,
            StartFrame = String(options, "startFrame"),
            EndFrame = String(options, "endFrame"),
            SendReferences = Bool(options, "references") ?? true,
            UseReferenceEndpoint = Bool(options, "useReferenceEndpoint") ?? false,
            NegativePrompt = String(options, "negativePrompt"),
            Pass = String(options, "pass"),
            Prompt = new PromptOverrides
            {
                Scene = String(prompt, "scene", "prompt"),
                Style = String(prompt, "style", "prompt"),
                Lighting = String(prompt, "lighting", "prompt"),
            },
            Seed = body.Seed,
        };
    }

    private static void Refuse(JsonObject json, string prefix, IReadOnlyList<string> known)
    {
        foreach (var (name, _) in json)
        {
            if (!known.Contains(name))
            {
                throw new FieldException($"{prefix}.{name}", $"{prefix} has no field \"{name}\"; its fields are {string.Join(", ", known)}.");
            }
        }
    }

    private static string? String(JsonObject json, string name, string prefix = "options") =>
        json[name] switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => (string?)v,
            _ => throw new FieldException($"{prefix}.{name}", $"{name} must be a string."),
        };

    private static bool? Bool(JsonObject json, string name) =>
        json[name] switch
        {
            null => null,
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => (bool)v,
            _ => throw new FieldException($"options.{name}", $"{name} must be true or false."),
        };

    private static double? Number(JsonObject json, string name) =>
        json[name] switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.Number && double.IsFinite((double)v) => (double)v,
            _ => throw new FieldException($"options.{name}", $"{name} must be a number of seconds."),
        };
}
