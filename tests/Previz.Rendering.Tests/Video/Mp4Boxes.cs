using System.Buffers.Binary;
using System.Text;

namespace Previz.Rendering.Tests.Video;

/// <summary>The top-level boxes of an MP4 file in order ("ftyp", "moov", "mdat", …), read from their size headers.</summary>
internal static class Mp4Boxes
{
    public static List<string> TopLevel(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var boxes = new List<string>();
        long at = 0;
        while (at + 8 <= bytes.Length)
        {
            long size = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan((int)at, 4));
            boxes.Add(Encoding.ASCII.GetString(bytes, (int)at + 4, 4));
            if (size == 1)
            {
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan((int)at + 8, 8)); // 64-bit size follows
            }
            else if (size == 0)
            {
                break; // the box runs to the end of the file
            }

            Assert.True(size >= 8, $"box {boxes[^1]} at {at} has size {size}");
            at += size;
        }

        return boxes;
    }
}
