using System.Text;

namespace Previz.Import.Tests.Support;

/// <summary>
/// A GLB of a wavy terrain grid with about <c>triangles</c> triangles split over a few nodes, made in memory for
/// scale tests and the import bench (never committed: it is ~20 MB).
/// </summary>
internal static class LargeGlb
{
    public static byte[] Create(int triangles, int nodes = 4)
    {
        var perNode = triangles / nodes;
        var side = (int)Math.Ceiling(Math.Sqrt(perNode / 2.0));
        var vertexCount = (side + 1) * (side + 1);
        var indexCount = side * side * 6;
        var positions = new float[vertexCount * 3];
        var p = 0;
        for (var z = 0; z <= side; z++)
        {
            for (var x = 0; x <= side; x++)
            {
                positions[p++] = x * 0.1f;
                positions[p++] = MathF.Sin(x * 0.05f) * MathF.Cos(z * 0.07f);
                positions[p++] = -z * 0.1f;
            }
        }

        var indices = new int[indexCount];
        var i = 0;
        for (var z = 0; z < side; z++)
        {
            for (var x = 0; x < side; x++)
            {
                var a = (z * (side + 1)) + x;
                var b = a + side + 1;
                indices[i++] = a;
                indices[i++] = a + 1;
                indices[i++] = b;
                indices[i++] = b;
                indices[i++] = a + 1;
                indices[i++] = b + 1;
            }
        }

        var bin = new byte[(positions.Length * 4) + (indices.Length * 4)];
        Buffer.BlockCopy(positions, 0, bin, 0, positions.Length * 4);
        Buffer.BlockCopy(indices, 0, bin, positions.Length * 4, indices.Length * 4);
        var extent = side * 0.1f;
        var nodeJson = string.Join(",", Enumerable.Range(0, nodes).Select(n =>
            $"{{\"name\":\"Terrain{n}\",\"mesh\":0,\"translation\":[{(n % 2) * extent},0,{-(n / 2) * extent}]}}"));
        var json = "{\"asset\":{\"version\":\"2.0\",\"generator\":\"Previz LargeGlb\"}," +
            $"\"buffers\":[{{\"byteLength\":{bin.Length}}}]," +
            $"\"bufferViews\":[{{\"buffer\":0,\"byteLength\":{positions.Length * 4},\"target\":34962}},{{\"buffer\":0,\"byteOffset\":{positions.Length * 4},\"byteLength\":{indices.Length * 4},\"target\":34963}}]," +
            $"\"accessors\":[{{\"bufferView\":0,\"componentType\":5126,\"count\":{vertexCount},\"type\":\"VEC3\",\"min\":[0,-1,{-extent}],\"max\":[{extent},1,0]}}," +
            $"{{\"bufferView\":1,\"componentType\":5125,\"count\":{indexCount},\"type\":\"SCALAR\"}}]," +
            "\"materials\":[{\"pbrMetallicRoughness\":{\"baseColorFactor\":[0.3,0.5,0.2,1]}}]," +
            "\"meshes\":[{\"name\":\"Terrain\",\"primitives\":[{\"attributes\":{\"POSITION\":0},\"indices\":1,\"material\":0}]}]," +
            $"\"nodes\":[{nodeJson},{{\"name\":\"Cam\",\"camera\":0,\"translation\":[{extent},{extent * 0.6f},{extent * 0.8f}],\"rotation\":[-0.2588,0,0,0.9659]}}]," +
            "\"cameras\":[{\"type\":\"perspective\",\"perspective\":{\"yfov\":0.9,\"aspectRatio\":1.7778,\"znear\":0.1,\"zfar\":1000}}]," +
            $"\"scenes\":[{{\"nodes\":[{string.Join(",", Enumerable.Range(0, nodes + 1))}]}}],\"scene\":0}}";
        return Pack(Encoding.UTF8.GetBytes(json), bin);
    }

    /// <summary>A GLB container around a JSON chunk and an optional binary chunk, each padded to 4 bytes.</summary>
    public static byte[] Pack(byte[] json, byte[] bin)
    {
        var jsonLength = (json.Length + 3) & ~3;
        var binLength = (bin.Length + 3) & ~3;
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms);
        w.Write(0x46546C67u);
        w.Write(2u);
        w.Write((uint)(12 + 8 + jsonLength + (bin.Length > 0 ? 8 + binLength : 0)));
        w.Write((uint)jsonLength);
        w.Write(0x4E4F534Au);
        w.Write(json);
        for (var i = json.Length; i < jsonLength; i++)
        {
            w.Write((byte)' ');
        }

        if (bin.Length > 0)
        {
            w.Write((uint)binLength);
            w.Write(0x004E4942u);
            w.Write(bin);
            for (var i = bin.Length; i < binLength; i++)
            {
                w.Write((byte)0);
            }
        }

        w.Flush();
        return ms.ToArray();
    }
}
