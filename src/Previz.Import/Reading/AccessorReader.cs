using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using SharpGLTF.Schema2;

namespace Previz.Import.Reading;

/// <summary>
/// Reads accessors straight from their buffer views with bounds checks against the bytes really loaded, decoding
/// float and (normalized or not) integer components. Fast paths copy tightly packed float data in one go.
/// </summary>
internal static class AccessorReader
{
    /// <summary>count × components floats.</summary>
    public static float[] ReadFloats(Accessor accessor, int components, string what, string fileName)
    {
        var dims = Dimensions(accessor);
        if (dims != components)
        {
            throw new GltfImportException(fileName, $"{what} (accessors[{accessor.LogicalIndex}]) has {dims} components per item; {components} are expected.");
        }

        var count = accessor.Count;
        var result = new float[(long)count * components];
        if (accessor.IsSparse)
        {
            ReadSparse(accessor, components, result);
            return result;
        }

        var view = accessor.SourceBufferView;
        if (view is null)
        {
            return result; // No buffer view: all zeros (glTF 2.0 §3.6.2.1).
        }

        var componentSize = ComponentSize(accessor.Encoding);
        var element = componentSize * components;
        var data = Locate(accessor, view, element, what, fileName, out var stride);
        if (accessor.Encoding == EncodingType.FLOAT && stride == element)
        {
            MemoryMarshal.Cast<byte, float>(data[..(count * element)]).CopyTo(result);
            return result;
        }

        var normalized = accessor.Normalized;
        var o = 0;
        for (var i = 0; i < count; i++)
        {
            var item = data.Slice(i * stride, element);
            for (var c = 0; c < components; c++)
            {
                result[o++] = Decode(item[(c * componentSize)..], accessor.Encoding, normalized);
            }
        }

        return result;
    }

    public static Vector3[] ReadVector3(Accessor accessor, string what, string fileName)
    {
        var floats = ReadFloats(accessor, 3, what, fileName);
        return MemoryMarshal.Cast<float, Vector3>(floats).ToArray();
    }

    /// <summary>Triangle-list indices, each checked against <paramref name="vertexCount"/>.</summary>
    public static int[] ReadIndices(Accessor accessor, int vertexCount, string what, string fileName)
    {
        if (Dimensions(accessor) != 1)
        {
            throw new GltfImportException(fileName, $"{what} (accessors[{accessor.LogicalIndex}]) is not a SCALAR accessor.");
        }

        var count = accessor.Count;
        var result = new int[count];
        var view = accessor.SourceBufferView ?? throw new GltfImportException(fileName, $"{what} (accessors[{accessor.LogicalIndex}]) has no buffer view.");
        if (accessor.IsSparse)
        {
            throw new GltfImportException(fileName, $"{what} (accessors[{accessor.LogicalIndex}]) is sparse, which glTF does not allow for indices.");
        }

        var size = ComponentSize(accessor.Encoding);
        var data = Locate(accessor, view, size, what, fileName, out var stride);
        switch (accessor.Encoding)
        {
            case EncodingType.UNSIGNED_INT when stride == 4:
                MemoryMarshal.Cast<byte, int>(data[..(count * 4)]).CopyTo(result);
                break;
            case EncodingType.UNSIGNED_INT:
                for (var i = 0; i < count; i++)
                {
                    result[i] = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(data[(i * stride)..]), int.MaxValue);
                }

                break;
            case EncodingType.UNSIGNED_SHORT:
                for (var i = 0; i < count; i++)
                {
                    result[i] = BinaryPrimitives.ReadUInt16LittleEndian(data[(i * stride)..]);
                }

                break;
            case EncodingType.UNSIGNED_BYTE:
                for (var i = 0; i < count; i++)
                {
                    result[i] = data[i * stride];
                }

                break;
            default:
                throw new GltfImportException(fileName, $"{what} (accessors[{accessor.LogicalIndex}]) has component type {accessor.Encoding}; indices must be unsigned integers.");
        }

        // One pass over the indices: an index past the vertices means the counts in the file lie.
        var max = -1;
        foreach (var index in result)
        {
            max = Math.Max(max, index);
        }

        // Negative after the uint → int clamp is impossible; only the upper bound needs checking.
        if (max >= vertexCount)
        {
            throw new GltfImportException(fileName, $"{what} (accessors[{accessor.LogicalIndex}]) refers to vertex {max} but the primitive has only {vertexCount} vertices: the file's counts do not match its data.");
        }

        return result;
    }

    private static ReadOnlySpan<byte> Locate(Accessor accessor, BufferView view, int element, string what, string fileName, out int stride)
    {
        var content = view.Content;
        stride = view.ByteStride > 0 ? view.ByteStride : element;
        var start = (long)accessor.ByteOffset;
        var needed = start + ((long)stride * (accessor.Count - 1)) + element;
        if (needed > content.Count || start < 0)
        {
            throw new GltfImportException(fileName, $"{what} (accessors[{accessor.LogicalIndex}]) needs {needed} bytes of bufferViews[{view.LogicalIndex}] but only {content.Count} were loaded: the file is truncated or its counts do not match its data.");
        }

        return content.AsSpan((int)start, (int)(needed - start));
    }

    private static void ReadSparse(Accessor accessor, int components, float[] result)
    {
        // SharpGLTF applies sparse substitutions; such accessors are rare (morph targets), so the slow path is fine.
        switch (components)
        {
            case 1:
                accessor.AsScalarArray().CopyTo(result, 0);
                break;
            case 3:
                var v3 = accessor.AsVector3Array();
                for (var i = 0; i < v3.Count; i++)
                {
                    var v = v3[i];
                    (result[3 * i], result[(3 * i) + 1], result[(3 * i) + 2]) = (v.X, v.Y, v.Z);
                }

                break;
            default:
                var v4 = accessor.AsVector4Array();
                for (var i = 0; i < v4.Count; i++)
                {
                    var v = v4[i];
                    (result[4 * i], result[(4 * i) + 1], result[(4 * i) + 2], result[(4 * i) + 3]) = (v.X, v.Y, v.Z, v.W);
                }

                break;
        }
    }

    private static int Dimensions(Accessor accessor) => accessor.Dimensions switch
    {
        DimensionType.SCALAR => 1,
        DimensionType.VEC2 => 2,
        DimensionType.VEC3 => 3,
        DimensionType.VEC4 => 4,
        DimensionType.MAT2 => 4,
        DimensionType.MAT3 => 9,
        DimensionType.MAT4 => 16,
        _ => 0,
    };

    private static int ComponentSize(EncodingType encoding) => encoding switch
    {
        EncodingType.BYTE or EncodingType.UNSIGNED_BYTE => 1,
        EncodingType.SHORT or EncodingType.UNSIGNED_SHORT => 2,
        _ => 4,
    };

    private static float Decode(ReadOnlySpan<byte> b, EncodingType encoding, bool normalized) => encoding switch
    {
        EncodingType.FLOAT => BinaryPrimitives.ReadSingleLittleEndian(b),
        EncodingType.BYTE => normalized ? MathF.Max((sbyte)b[0] / 127f, -1f) : (sbyte)b[0],
        EncodingType.UNSIGNED_BYTE => normalized ? b[0] / 255f : b[0],
        EncodingType.SHORT => normalized ? MathF.Max(BinaryPrimitives.ReadInt16LittleEndian(b) / 32767f, -1f) : BinaryPrimitives.ReadInt16LittleEndian(b),
        EncodingType.UNSIGNED_SHORT => normalized ? BinaryPrimitives.ReadUInt16LittleEndian(b) / 65535f : BinaryPrimitives.ReadUInt16LittleEndian(b),
        _ => BinaryPrimitives.ReadUInt32LittleEndian(b),
    };
}
