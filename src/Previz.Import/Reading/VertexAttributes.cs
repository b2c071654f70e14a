using System.Numerics;
using SharpGLTF.Schema2;

namespace Previz.Import.Reading;

/// <summary>
/// The per-vertex attributes beside positions that Previz uses: <c>COLOR_0</c> (vec3 or vec4, float or normalized
/// integers; alpha dropped, converted to sRGB like material colours), <c>JOINTS_n</c>/<c>WEIGHTS_n</c> (four
/// influences per set, all sets kept) and the <c>POSITION</c> offsets of morph targets.
/// </summary>
internal sealed record VertexAttributes(int VertexCount, Vector3[]? Colors, int Influences, int[]? Joints, float[]? Weights, Vector3[][] MorphDeltas)
{
    /// <summary>The highest <c>JOINTS_n</c>/<c>WEIGHTS_n</c> set read (more is rare; Blender writes at most two by default).</summary>
    private const int MaxInfluenceSets = 8;

    public static VertexAttributes Read(MeshPrimitive primitive, int vertexCount, string what, string fileName)
    {
        Vector3[]? colours = null;
        if (primitive.GetVertexAccessor("COLOR_0") is { } colourAccessor)
        {
            colours = Colours(colourAccessor, vertexCount, what, fileName);
        }

        var sets = 0;
        while (sets < MaxInfluenceSets && primitive.GetVertexAccessor($"JOINTS_{sets}") is not null && primitive.GetVertexAccessor($"WEIGHTS_{sets}") is not null)
        {
            sets++;
        }

        int[]? joints = null;
        float[]? weights = null;
        var influences = sets * 4;
        if (sets > 0)
        {
            joints = new int[vertexCount * influences];
            weights = new float[vertexCount * influences];
            for (var s = 0; s < sets; s++)
            {
                var j = Checked(AccessorReader.ReadFloats(primitive.GetVertexAccessor($"JOINTS_{s}"), 4, $"{what} JOINTS_{s}", fileName), vertexCount, primitive.GetVertexAccessor($"JOINTS_{s}"), $"{what} JOINTS_{s}", fileName);
                var w = Checked(AccessorReader.ReadFloats(primitive.GetVertexAccessor($"WEIGHTS_{s}"), 4, $"{what} WEIGHTS_{s}", fileName), vertexCount, primitive.GetVertexAccessor($"WEIGHTS_{s}"), $"{what} WEIGHTS_{s}", fileName);
                for (var v = 0; v < vertexCount; v++)
                {
                    for (var k = 0; k < 4; k++)
                    {
                        var joint = j[(4 * v) + k];
                        if (!(joint >= 0 && joint < int.MaxValue && joint == MathF.Floor(joint)))
                        {
                            throw new GltfImportException(fileName, $"{what} JOINTS_{s} (accessors[{primitive.GetVertexAccessor($"JOINTS_{s}").LogicalIndex}]) holds {joint} at vertex {v}: joint indices are whole numbers from 0.");
                        }

                        var weight = w[(4 * v) + k];
                        joints[(v * influences) + (4 * s) + k] = (int)joint;
                        weights[(v * influences) + (4 * s) + k] = float.IsFinite(weight) && weight > 0 ? weight : 0;
                    }
                }
            }
        }

        var targets = primitive.MorphTargetsCount;
        var deltas = new Vector3[targets][];
        for (var t = 0; t < targets; t++)
        {
            deltas[t] = primitive.GetMorphTargetAccessors(t).TryGetValue("POSITION", out var accessor)
                ? Checked(AccessorReader.ReadVector3(accessor, $"{what} morph target {t} POSITION", fileName), vertexCount, accessor, $"{what} morph target {t} POSITION", fileName)
                : new Vector3[vertexCount];
        }

        return new VertexAttributes(vertexCount, colours, influences, joints, weights, deltas);
    }

    /// <summary>The attributes of several primitives, one after another as their vertices are merged; missing ones get neutral values.</summary>
    public static VertexAttributes Merge(IReadOnlyList<VertexAttributes> parts)
    {
        if (parts.Count == 1)
        {
            return parts[0];
        }

        var count = parts.Sum(p => p.VertexCount);
        var influences = parts.Count == 0 ? 0 : parts.Max(p => p.Influences);
        var targets = parts.Count == 0 ? 0 : parts.Max(p => p.MorphDeltas.Length);
        var colours = parts.Any(p => p.Colors is not null) ? new Vector3[count] : null;
        var joints = influences > 0 ? new int[count * influences] : null;
        var weights = influences > 0 ? new float[count * influences] : null;
        var deltas = new Vector3[targets][];
        for (var t = 0; t < targets; t++)
        {
            deltas[t] = new Vector3[count];
        }

        var at = 0;
        foreach (var part in parts)
        {
            if (colours is not null)
            {
                if (part.Colors is { } c)
                {
                    c.CopyTo(colours, at);
                }
                else
                {
                    colours.AsSpan(at, part.VertexCount).Fill(Vector3.One);
                }
            }

            if (joints is not null && weights is not null && part.Joints is { } pj && part.Weights is { } pw)
            {
                for (var v = 0; v < part.VertexCount; v++)
                {
                    Array.Copy(pj, v * part.Influences, joints, (at + v) * influences, part.Influences);
                    Array.Copy(pw, v * part.Influences, weights, (at + v) * influences, part.Influences);
                }
            }

            for (var t = 0; t < part.MorphDeltas.Length; t++)
            {
                part.MorphDeltas[t].CopyTo(deltas[t], at);
            }

            at += part.VertexCount;
        }

        return new VertexAttributes(count, colours, influences, joints, weights, deltas);
    }

    private static Vector3[] Colours(Accessor accessor, int vertexCount, string what, string fileName)
    {
        var components = accessor.Dimensions == DimensionType.VEC4 ? 4 : 3;
        var raw = AccessorReader.ReadFloats(accessor, components, $"{what} COLOR_0", fileName);
        if (raw.Length < (long)vertexCount * components)
        {
            throw new GltfImportException(fileName, $"{what} COLOR_0 (accessors[{accessor.LogicalIndex}]) holds {raw.Length / components} colours for {vertexCount} vertices.");
        }

        var result = new Vector3[vertexCount];
        for (var v = 0; v < vertexCount; v++)
        {
            var i = v * components;
            result[v] = new Vector3(Srgb(raw[i]), Srgb(raw[i + 1]), Srgb(raw[i + 2]));
        }

        return result;
    }

    private static float Srgb(float linear) => MaterialColors.ToSrgb(float.IsFinite(linear) ? Math.Clamp(linear, 0f, 1f) : 0f);

    private static T[] Checked<T>(T[] values, int vertexCount, Accessor accessor, string what, string fileName)
    {
        if (accessor.Count < vertexCount)
        {
            throw new GltfImportException(fileName, $"{what} (accessors[{accessor.LogicalIndex}]) holds {accessor.Count} items for {vertexCount} vertices.");
        }

        return values;
    }
}
