using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Previz.Studio.Tests.Fuzz;

/// <summary>
/// Damages a scene document or a GLB the ways a careless user or an attacker would: wrong types, removed and
/// duplicated fields, nulls, extreme numbers, invalid UTF-8 and lone surrogates, long strings, deep nesting, swapped
/// references, truncation, byte flips and (in a GLB) lengths that lie. Everything comes from the <see cref="Random"/>
/// passed in, so a case is replayed from its seed and number alone.
/// </summary>
internal static class Mutations
{
    private static readonly string[] ExtremeNumbers =
        ["1e308", "-1e308", "1e400", "-1e400", "5e-324", "1e-320", "0", "-0", "-1", "1e20", "-1e20", "9007199254740993", "123456789012345678901234567890", "0.0000001", "4294967296", "2147483648", "-2147483649"];

    /// <summary>Byte sequences that are not UTF-8 text, and escapes of unpaired surrogates.</summary>
    private static readonly byte[][] BadText =
    [
        [0xFF], [0xC3, 0x28], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82],
        "\\uD800"u8.ToArray(), "\\uDC00x"u8.ToArray(), "\\uD800\\uD800"u8.ToArray(), "\\u0000"u8.ToArray(), "\\uDBFF"u8.ToArray(),
    ];

    private const string Marker = "@@previz-fuzz@@";

    /// <summary>A damaged copy of a JSON document and the name of what was done.</summary>
    public static (byte[] Bytes, string Kind) Json(byte[] document, Random random)
    {
        var kind = random.Next(14);
        return kind switch
        {
            0 => (Structured(document, random, WrongType), "wrong-type"),
            1 => (Structured(document, random, Remove), "removed-field"),
            2 => (Duplicated(document, random), "duplicated-field"),
            3 => (Structured(document, random, Extreme), "extreme-number"),
            4 => (BadTextIn(document, random), "invalid-text"),
            5 => (document[..random.Next(document.Length)], "truncated"),
            6 => (Flipped(document, random, 0, document.Length), "byte-flips"),
            7 => (Structured(document, random, (_, _) => JsonValue.Create((string?)null)), "null"),
            8 => (Structured(document, random, (_, r) => JsonValue.Create(new string((char)('a' + r.Next(26)), r.Next(1000, 40_000)))), "long-string"),
            9 => (Structured(document, random, Nested), "deep-nesting"),
            10 => (Swapped(document, random), "swapped-values"),
            11 => (Compound(document, random), "compound"),
            12 => (Structured(document, random, Extreme), "extreme-number"),
            _ => (Structured(document, random, WrongType), "wrong-type"),
        };
    }

    /// <summary>A damaged copy of a GLB: its JSON chunk damaged and packed again, lengths that lie, truncation or byte flips.</summary>
    public static (byte[] Bytes, string Kind) Glb(byte[] glb, Random random)
    {
        var (json, bin) = Unpack(glb);
        var kind = random.Next(8);
        switch (kind)
        {
            case 0:
            case 1:
            case 2:
                var (damaged, what) = Json(json, random);
                return (Pack(damaged, bin), "json-" + what);
            case 3:
                return (Pack(Structured(json, random, LyingCount, GltfLengthField), bin), "lying-length-field");
            case 4:
                return (LyingHeader(glb, random), "lying-chunk-length");
            case 5:
                return (glb[..random.Next(glb.Length)], "truncated");
            case 6:
                // The JSON chunk, where parsers break, more often than the vertices.
                return (Flipped(glb, random, 0, Math.Min(glb.Length, 20 + json.Length)), "byte-flips-json");
            default:
                return (Flipped(glb, random, 0, glb.Length), "byte-flips");
        }
    }

    public static (byte[] Json, byte[] Bin) Unpack(byte[] glb)
    {
        var jsonLength = BinaryPrimitives.ReadInt32LittleEndian(glb.AsSpan(12));
        var json = glb.AsSpan(20, jsonLength).ToArray();
        var binStart = 20 + jsonLength;
        var bin = binStart + 8 <= glb.Length ? glb.AsSpan(binStart + 8, BinaryPrimitives.ReadInt32LittleEndian(glb.AsSpan(binStart))).ToArray() : [];
        return (json, bin);
    }

    /// <summary>A GLB with honest lengths (glTF 2.0, "Binary glTF Layout"): chunks padded to 4 bytes.</summary>
    public static byte[] Pack(byte[] json, byte[] bin)
    {
        var jsonPadded = (json.Length + 3) & ~3;
        var binPadded = (bin.Length + 3) & ~3;
        var total = 12 + 8 + jsonPadded + (bin.Length > 0 ? 8 + binPadded : 0);
        var glb = new byte[total];
        "glTF"u8.CopyTo(glb);
        BinaryPrimitives.WriteInt32LittleEndian(glb.AsSpan(4), 2);
        BinaryPrimitives.WriteInt32LittleEndian(glb.AsSpan(8), total);
        BinaryPrimitives.WriteInt32LittleEndian(glb.AsSpan(12), jsonPadded);
        "JSON"u8.CopyTo(glb.AsSpan(16));
        json.CopyTo(glb, 20);
        glb.AsSpan(20 + json.Length, jsonPadded - json.Length).Fill((byte)' ');
        if (bin.Length > 0)
        {
            var at = 20 + jsonPadded;
            BinaryPrimitives.WriteInt32LittleEndian(glb.AsSpan(at), binPadded);
            "BIN\0"u8.CopyTo(glb.AsSpan(at + 4));
            bin.CopyTo(glb, at + 8);
        }

        return glb;
    }

    private static byte[] LyingHeader(byte[] glb, Random random)
    {
        var copy = (byte[])glb.Clone();
        var (json, _) = Unpack(glb);
        int[] fields = [8, 12, 20 + json.Length];
        var at = fields[random.Next(fields.Length)];
        int[] lies = [0, 1, -1, int.MaxValue, int.MinValue, glb.Length * 2, BinaryPrimitives.ReadInt32LittleEndian(copy.AsSpan(at)) + random.Next(-64, 64)];
        if (at + 4 <= copy.Length)
        {
            BinaryPrimitives.WriteInt32LittleEndian(copy.AsSpan(at), lies[random.Next(lies.Length)]);
        }

        return copy;
    }

    private static bool GltfLengthField(string? key) =>
        key is "count" or "byteLength" or "byteOffset" or "byteStride" or "bufferView" or "buffer" or "accessor" or "input" or "output"
            or "indices" or "POSITION" or "NORMAL" or "mesh" or "camera" or "node" or "componentType" or "type";

    private static JsonNode? LyingCount(JsonNode value, Random random) => value is JsonValue v && v.TryGetValue<double>(out var n)
        ? JsonNode.Parse(random.Next(3) switch
        {
            0 => ExtremeNumbers[random.Next(ExtremeNumbers.Length)],
            1 => (n + random.Next(-8, 9)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => (n * random.Next(2, 1000)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        : JsonValue.Create("lying");

    private static byte[] Compound(byte[] document, Random random)
    {
        var bytes = document;
        for (var i = random.Next(2, 4); i > 0; i--)
        {
            bytes = random.Next(4) switch
            {
                0 => Structured(bytes, random, WrongType),
                1 => Structured(bytes, random, Remove),
                2 => Structured(bytes, random, Extreme),
                _ => Swapped(bytes, random),
            };
        }

        return bytes;
    }

    /// <summary>Replaces one value somewhere (a slot <paramref name="where"/> accepts) by what <paramref name="mutate"/> makes of it; null removes it.</summary>
    private static byte[] Structured(byte[] document, Random random, Func<JsonNode, Random, JsonNode?> mutate, Func<string?, bool>? where = null)
    {
        if (Parse(document) is not { } root)
        {
            return Flipped(document, random, 0, document.Length);
        }

        var slots = Slots(root).Where(s => where is null || where(s.Key as string)).ToList();
        if (slots.Count == 0)
        {
            return document;
        }

        var (parent, key, value) = slots[random.Next(slots.Count)];
        var replacement = mutate(value, random);
        Set(parent, key, replacement, remove: ReferenceEquals(replacement, Removed));
        return Serialize(root);
    }

    private static readonly JsonNode Removed = JsonValue.Create("removed")!;

    private static JsonNode? Remove(JsonNode value, Random random) => Removed;

    private static JsonNode? WrongType(JsonNode value, Random random)
    {
        JsonNode?[] others = [new JsonObject { ["x"] = 1 }, new JsonArray(1, "two", null), JsonValue.Create("wrong"), JsonValue.Create(random.Next(-3, 4)), JsonValue.Create(random.Next(2) == 0), null, new JsonArray(), new JsonObject()];
        for (var i = 0; i < 10; i++)
        {
            var other = others[random.Next(others.Length)];
            if (other?.GetValueKind() != value.GetValueKind())
            {
                return other;
            }
        }

        return JsonValue.Create("wrong");
    }

    private static JsonNode? Extreme(JsonNode value, Random random) => JsonNode.Parse(ExtremeNumbers[random.Next(ExtremeNumbers.Length)]);

    private static JsonNode? Nested(JsonNode value, Random random)
    {
        var depth = random.Next(2) == 0 ? random.Next(2, 64) : random.Next(64, 3000);
        return JsonNode.Parse(new string('[', depth) + new string(']', depth), documentOptions: new JsonDocumentOptions { MaxDepth = 4000 });
    }

    /// <summary>Puts one string of the document where another string was: ids that point at the wrong kind of thing.</summary>
    private static byte[] Swapped(byte[] document, Random random)
    {
        if (Parse(document) is not { } root)
        {
            return document;
        }

        var strings = Slots(root).Where(s => s.Value.GetValueKind() == JsonValueKind.String).ToList();
        if (strings.Count < 2)
        {
            return document;
        }

        var from = strings[random.Next(strings.Count)];
        var to = strings[random.Next(strings.Count)];
        Set(to.Parent, to.Key, JsonValue.Create(from.Value.GetValue<string>()), remove: false);
        return Serialize(root);
    }

    /// <summary>Writes one property of one object twice, the second time with another value.</summary>
    private static byte[] Duplicated(byte[] document, Random random)
    {
        if (Parse(document) is not { } root)
        {
            return document;
        }

        var objects = Slots(root).Select(s => s.Value).OfType<JsonObject>().Where(o => o.Count > 0).Append(root as JsonObject).OfType<JsonObject>().ToList();
        var target = objects[random.Next(objects.Count)];
        var property = target.ElementAt(random.Next(target.Count)).Key;
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, MaxDepth = 4000, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(root, writer, target, property, random);
        }

        return buffer.ToArray();
    }

    private static void Write(JsonNode? node, Utf8JsonWriter writer, JsonObject target, string property, Random random)
    {
        switch (node)
        {
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj)
                {
                    writer.WritePropertyName(key);
                    Write(value, writer, target, property, random);
                }

                if (ReferenceEquals(obj, target))
                {
                    writer.WritePropertyName(property);
                    (random.Next(2) == 0 ? obj[property] : WrongType(obj[property] ?? JsonValue.Create(0)!, random)).WriteToOrNull(writer);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(item, writer, target, property, random);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteToOrNull(writer);
                break;
        }
    }

    private static void WriteToOrNull(this JsonNode? node, Utf8JsonWriter writer)
    {
        if (node is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            node.WriteTo(writer);
        }
    }

    /// <summary>A string of the document with bytes that are not text (or an unpaired surrogate's escape) in it.</summary>
    private static byte[] BadTextIn(byte[] document, Random random)
    {
        if (Parse(document) is not { } root)
        {
            return document;
        }

        var strings = Slots(root).Where(s => s.Value.GetValueKind() == JsonValueKind.String).ToList();
        if (strings.Count == 0)
        {
            return document;
        }

        var slot = strings[random.Next(strings.Count)];
        var original = slot.Value.GetValue<string>();
        var cut = random.Next(original.Length + 1);
        Set(slot.Parent, slot.Key, JsonValue.Create(original[..cut] + Marker + original[cut..]), remove: false);
        var text = Serialize(root);
        var at = text.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Marker));
        var bad = BadText[random.Next(BadText.Length)];
        return [.. text[..at], .. bad, .. text[(at + Marker.Length)..]];
    }

    private static byte[] Flipped(byte[] bytes, Random random, int from, int to)
    {
        var copy = (byte[])bytes.Clone();
        if (to <= from)
        {
            return copy;
        }

        for (var i = random.Next(1, 9); i > 0; i--)
        {
            copy[random.Next(from, to)] = (byte)random.Next(256);
        }

        return copy;
    }

    private static JsonNode? Parse(byte[] document)
    {
        try
        {
            return JsonNode.Parse(document, documentOptions: new JsonDocumentOptions { MaxDepth = 4000 });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[] Serialize(JsonNode root)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, MaxDepth = 4000, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            root.WriteTo(writer);
        }

        return buffer.ToArray();
    }

    private static void Set(JsonNode parent, object key, JsonNode? value, bool remove)
    {
        if (parent is JsonObject obj)
        {
            if (remove)
            {
                obj.Remove((string)key);
            }
            else
            {
                obj[(string)key] = value;
            }
        }
        else
        {
            var array = parent.AsArray();
            if (remove)
            {
                array.RemoveAt((int)key);
            }
            else
            {
                array[(int)key] = value;
            }
        }
    }

    /// <summary>Every value under <paramref name="root"/> with its parent and key (never <c>$schema</c>).</summary>
    private static List<(JsonNode Parent, object Key, JsonNode Value)> Slots(JsonNode root)
    {
        var slots = new List<(JsonNode, object, JsonNode)>();
        var pending = new Stack<JsonNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        if (value is not null && key != "$schema")
                        {
                            slots.Add((obj, key, value));
                            pending.Push(value);
                        }
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (array[i] is { } item)
                        {
                            slots.Add((array, i, item));
                            pending.Push(item);
                        }
                    }

                    break;
            }
        }

        return slots;
    }
}
