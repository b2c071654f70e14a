using System.Text.Json;
using System.Text.Json.Nodes;
using Previz.Studio.Compare;

namespace Previz.Studio.Api;

/// <summary>
/// Reads a <see cref="CompareBody"/> into <see cref="CompareChoices"/> at the edge: the shared choices through
/// <see cref="ChoiceParser"/>, the models and seeds element by element. What needs the catalog (an unknown model, one that
/// does not do the mode, too many takes) is checked by <see cref="CompareService"/>.
/// </summary>
public static class CompareParser
{
    public static CompareChoices Parse(CompareBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var sceneId = body.SceneId ?? throw new FieldException("sceneId", "Name the scene to compare models on (sceneId).");
        var shot = ChoiceParser.Parse(new ChoicesBody(sceneId, body.ShotId, body.Mode, null, body.Options, body.Prompt, null), sceneId);
        return new CompareChoices { Shot = shot, Models = Models(body.Models), Seeds = Seeds(body.Seeds) };
    }

    private static List<string> Models(JsonNode? node)
    {
        if (node is not JsonArray array)
        {
            throw new FieldException("models", $"models must be a list of {CompareLimits.MinModels} to {CompareLimits.MaxModels} model ids (GET /api/models).");
        }

        var models = new List<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            models.Add(array[i] is JsonValue v && v.GetValueKind() == JsonValueKind.String && !string.IsNullOrWhiteSpace((string?)v)
                ? ((string)v!).Trim()
                : throw new FieldException($"models[{i}]", "Each model is a catalog id, a string."));
        }

        return models;
    }

    private static List<long?> Seeds(JsonNode? node)
    {
        if (node is null)
        {
            return [null];
        }

        if (node is not JsonArray array || array.Count is < CompareLimits.MinSeeds or > CompareLimits.MaxSeeds)
        {
            throw new FieldException("seeds", $"seeds must be a list of {CompareLimits.MinSeeds} to {CompareLimits.MaxSeeds} whole numbers.");
        }

        var seeds = new List<long?>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var field = $"seeds[{i}]";
            if (array[i] is not JsonValue v || v.GetValueKind() != JsonValueKind.Number || !v.TryGetValue<long>(out var seed) || seed < 0 || seed > CompareLimits.MaxSeed)
            {
                throw new FieldException(field, $"A seed is a whole number from 0 to {CompareLimits.MaxSeed}; got {array[i]?.ToJsonString() ?? "null"}.");
            }

            if (seeds.Contains(seed))
            {
                throw new FieldException(field, $"Seed {seed} is listed twice: the same seed makes the same take.");
            }

            seeds.Add(seed);
        }

        return seeds;
    }
}
