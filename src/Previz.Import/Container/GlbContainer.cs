using System.Buffers.Binary;

namespace Previz.Import.Container;

/// <summary>
/// The two chunks of a binary glTF (GLB) file, checked before any parser sees them: header magic and version, the
/// declared length against the real one, and each chunk inside the file.
/// </summary>
internal sealed class GlbContainer
{
    public const uint Magic = 0x46546C67; // "glTF"
    private const uint JsonChunk = 0x4E4F534A; // "JSON"
    private const uint BinChunk = 0x004E4942; // "BIN\0"

    private GlbContainer(ArraySegment<byte> json, ArraySegment<byte>? bin)
    {
        Json = json;
        Bin = bin;
    }

    public ArraySegment<byte> Json { get; }

    public ArraySegment<byte>? Bin { get; }

    public static bool LooksLikeGlb(ReadOnlySpan<byte> data) =>
        data.Length >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(data) == Magic;

    public static GlbContainer Read(byte[] data, string fileName)
    {
        if (data.Length < 12)
        {
            throw new GltfImportException(fileName, $"the file is {data.Length} bytes long, too short for a GLB header (12 bytes): it is truncated or not a GLB file.");
        }

        var span = data.AsSpan();
        var magic = BinaryPrimitives.ReadUInt32LittleEndian(span);
        if (magic != Magic)
        {
            throw new GltfImportException(fileName, $"not a GLB file: it starts with {Describe(span[..4])} instead of \"glTF\".");
        }

        var version = BinaryPrimitives.ReadUInt32LittleEndian(span[4..]);
        if (version != 2)
        {
            throw new GltfImportException(fileName, $"GLB version {version} is not supported; Previz reads glTF 2.0 (GLB version 2).");
        }

        var declared = (long)BinaryPrimitives.ReadUInt32LittleEndian(span[8..]);
        if (declared > data.Length)
        {
            throw new GltfImportException(fileName, $"the file is truncated: its header says {declared} bytes but only {data.Length} are there.");
        }

        if (declared < 20)
        {
            throw new GltfImportException(fileName, $"the GLB header declares {declared} bytes, too short to hold the JSON chunk.");
        }

        ArraySegment<byte>? json = null;
        ArraySegment<byte>? bin = null;
        long offset = 12;
        var index = 0;
        while (offset < declared)
        {
            if (declared - offset < 8)
            {
                throw new GltfImportException(fileName, $"chunk {index} at byte {offset} is cut off before its 8-byte header ends: the file is truncated.");
            }

            var length = (long)BinaryPrimitives.ReadUInt32LittleEndian(span[(int)offset..]);
            var type = BinaryPrimitives.ReadUInt32LittleEndian(span[((int)offset + 4)..]);
            var start = offset + 8;
            if (start + length > declared)
            {
                throw new GltfImportException(fileName, $"chunk {index} ({ChunkName(type)}) says it holds {length} bytes but only {declared - start} remain: the file is truncated.");
            }

            if (index == 0 && type != JsonChunk)
            {
                throw new GltfImportException(fileName, $"the first chunk must be JSON but is {ChunkName(type)}.");
            }

            var segment = new ArraySegment<byte>(data, (int)start, (int)length);
            if (type == JsonChunk && json is null)
            {
                json = segment;
            }
            else if (type == BinChunk && bin is null)
            {
                bin = segment;
            }

            // Other chunk types are skipped, as the specification asks.
            offset = start + length;
            index++;
        }

        return new GlbContainer(json ?? throw new GltfImportException(fileName, "the GLB has no JSON chunk."), bin);
    }

    private static string ChunkName(uint type) => type switch
    {
        JsonChunk => "JSON",
        BinChunk => "BIN",
        _ => $"0x{type:X8}",
    };

    private static string Describe(ReadOnlySpan<byte> head)
    {
        var printable = true;
        foreach (var b in head)
        {
            printable &= b is >= 0x20 and < 0x7F;
        }

        return printable
            ? $"\"{System.Text.Encoding.ASCII.GetString(head)}\""
            : Convert.ToHexString(head);
    }
}
