using System.Text;
using System.Text.Json.Nodes;
using Previz.Core.Loading;

namespace Previz.Core.Tests.Loading;

/// <summary>Generated malformed documents: each must be a user error with a path, never a crash or a hang.</summary>
public class MalformedSceneTests
{
    private static readonly string Sample = File.ReadAllText(SampleScenes.PathOf("stadium.previz.json"));

    public static TheoryData<string, int> Kinds() => new()
    {
        { "truncated", 250 },
        { "wrong-type", 250 },
        { "huge-number", 200 },
        { "deep-nesting", 100 },
        { "random-bytes", 200 },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_malformed_document_is_a_user_error_with_a_path(string kind, int count)
    {
        var random = new Random(kind.GetHashCode(StringComparison.Ordinal) & 0x7fff_ffff);
        for (var i = 0; i < count; i++)
        {
            var bytes = kind switch
            {
                "truncated" => Truncate(random),
                "wrong-type" => Encoding.UTF8.GetBytes(Mutate(random, WrongType)),
                "huge-number" => Encoding.UTF8.GetBytes(Mutate(random, Huge)),
                "deep-nesting" => Encoding.UTF8.GetBytes(DeepNesting(random)),
                _ => RandomBytes(random),
            };

            SceneValidationException? error = null;
            try
            {
                SceneReader.Read(bytes);
            }
            catch (SceneValidationException ex)
            {
                error = ex;
            }

            Assert.True(error is not null, $"{kind} #{i} was accepted: {Preview(bytes)}");
            Assert.NotEmpty(error!.Errors);
            Assert.All(error.Errors, e => Assert.StartsWith("$", e.Path, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_unmutated_sample_is_valid()
    {
        SceneReader.Read(Sample);
    }

    private static byte[] Truncate(Random random)
    {
        var bytes = Encoding.UTF8.GetBytes(Sample.TrimEnd());
        return bytes[..random.Next(0, bytes.Length - 1)];
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 512)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string DeepNesting(Random random)
    {
        var depth = random.Next(65, 5000);
        var nested = new string('[', depth) + new string(']', depth);
        var root = JsonNode.Parse(Sample)!.AsObject();
        var objects = root["objects"]!.AsArray();
        var target = objects[random.Next(objects.Count)]!.AsObject();
        return root.ToJsonString().Replace("\"objects\":[", $"\"objects\":[{{\"id\":\"deep\",\"description\":{nested}}},", StringComparison.Ordinal)
            + (random.Next(2) == 0 ? string.Empty : target.ToJsonString());
    }

    /// <summary>Replaces one value somewhere in the document (never <c>$schema</c>) by what the mutation returns.</summary>
    private static string Mutate(Random random, Func<JsonNode, Random, JsonNode?> mutation)
    {
        var root = JsonNode.Parse(Sample)!;
        var slots = new List<(JsonNode Parent, object Key, JsonNode Value)>();
        Collect(root, slots);
        var candidates = slots.Where(s => mutation(s.Value, random) is not null).ToList();
        var (parent, key, value) = candidates[random.Next(candidates.Count)];
        var replacement = mutation(value, random);
        if (parent is JsonObject o)
        {
            o[(string)key] = replacement;
        }
        else
        {
            parent.AsArray()[(int)key] = replacement;
        }

        return root.ToJsonString();
    }

    private static void Collect(JsonNode node, List<(JsonNode, object, JsonNode)> slots)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (value is null || key == "$schema")
                    {
                        continue;
                    }

                    slots.Add((obj, key, value));
                    Collect(value, slots);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                    {
                        slots.Add((array, i, item));
                        Collect(item, slots);
                    }
                }

                break;
        }
    }

    private static JsonNode? WrongType(JsonNode value, Random random) => value switch
    {
        JsonObject => new JsonArray(1, 2),
        JsonArray => new JsonObject { ["x"] = 1 },
        JsonValue v when v.TryGetValue<bool>(out _) => JsonValue.Create("yes"),
        JsonValue v when v.TryGetValue<string>(out _) => JsonValue.Create(random.Next(-5, 5)),
        _ => JsonValue.Create("not a number"),
    };

    private static JsonNode? Huge(JsonNode value, Random random) =>
        value is JsonValue v && v.TryGetValue<double>(out _)
            ? JsonNode.Parse(random.Next(2) == 0 ? "1e400" : "-1e999")
            : null;

    private static string Preview(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return text.Length <= 200 ? text : text[..200];
    }
}
