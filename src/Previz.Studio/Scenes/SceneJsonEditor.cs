using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Previz.Studio.Scenes;

/// <summary>
/// Applies studio edits to a stored <c>.previz.json</c> document. Core reads scenes but has no writer, and a writer from
/// the model would drop what the model does not hold; editing the JSON at the fields' paths keeps everything else.
/// </summary>
public static class SceneJsonEditor
{
    private static readonly JsonDocumentOptions ReadOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 };

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        // Scene text is read by people in editors: keep quotes and accents as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A copy of <paramref name="document"/> with the shot and object edits applied.</summary>
    /// <exception cref="ArgumentException">A shot or object id that the document does not hold.</exception>
    public static byte[] Apply(ReadOnlySpan<byte> document, ShotEdit? shot, IEnumerable<ObjectEdit> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var root = JsonNode.Parse(document, documentOptions: ReadOptions)?.AsObject()
            ?? throw new ArgumentException("The scene document is not a JSON object.", nameof(document));
        if (shot is not null)
        {
            var node = FindById(root, "shots", shot.ShotId);
            SetText(node, "name", shot.Name);
            SetText(node, "description", shot.Description);
            node["duration"] = shot.Duration;
            if (shot.FocalLengthMm is { } focal)
            {
                node["focalLength"] = focal;
            }
            else
            {
                node.Remove("focalLength");
            }

            node["aspect"] = shot.Aspect.Trim();
        }

        foreach (var edit in objects)
        {
            var node = FindById(root, "objects", edit.ObjectId);
            SetText(node, "description", edit.Description);
            if (edit.Hero)
            {
                node["hero"] = true;
            }
            else
            {
                node.Remove("hero");
            }

            if (edit.References.Count == 0)
            {
                node.Remove("references");
            }
            else
            {
                var list = new JsonArray();
                foreach (var reference in edit.References)
                {
                    var item = new JsonObject { ["path"] = reference.Path };
                    if (!string.IsNullOrWhiteSpace(reference.View))
                    {
                        item["view"] = reference.View;
                    }

                    list.Add(item);
                }

                node["references"] = list;
            }
        }

        return JsonSerializer.SerializeToUtf8Bytes(root, WriteOptions);
    }

    /// <summary>The JSON path of an entry of <c>shots</c> or <c>objects</c> by id, as validation problems name it.</summary>
    public static string? PathOf(ReadOnlySpan<byte> document, string array, string id)
    {
        var root = JsonNode.Parse(document, documentOptions: ReadOptions)?.AsObject();
        if (root?[array] is not JsonArray items)
        {
            return null;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is JsonObject o && o["id"]?.GetValueKind() == JsonValueKind.String && o["id"]!.GetValue<string>() == id)
            {
                return $"$.{array}[{i}]";
            }
        }

        return null;
    }

    private static JsonObject FindById(JsonObject root, string array, string id)
    {
        if (root[array] is JsonArray items)
        {
            foreach (var item in items)
            {
                if (item is JsonObject o && o["id"]?.GetValueKind() == JsonValueKind.String && o["id"]!.GetValue<string>() == id)
                {
                    return o;
                }
            }
        }

        throw new ArgumentException($"The scene has no entry \"{id}\" in {array}.", nameof(id));
    }

    private static void SetText(JsonObject node, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            node.Remove(field);
        }
        else
        {
            node[field] = value.Trim();
        }
    }
}
