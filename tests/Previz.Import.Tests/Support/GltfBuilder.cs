using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;

namespace Previz.Import.Tests.Support;

/// <summary>Writes small glTF files by hand so each test says exactly what the file holds.</summary>
internal sealed class GltfBuilder
{
    private readonly List<byte> _bin = [];

    public JsonObject Root { get; } = new() { ["asset"] = new JsonObject { ["version"] = "2.0" } };

    public int Add(string array, JsonNode item)
    {
        if (Root[array] is not JsonArray list)
        {
            Root[array] = list = [];
        }

        list.Add(item);
        return list.Count - 1;
    }

    public JsonObject Get(string array, int index) => (JsonObject)Root[array]![index]!;

    public int AddView(byte[] bytes, int? stride = null)
    {
        while (_bin.Count % 4 != 0)
        {
            _bin.Add(0);
        }

        var view = new JsonObject { ["buffer"] = 0, ["byteOffset"] = _bin.Count, ["byteLength"] = bytes.Length };
        if (stride is { } s)
        {
            view["byteStride"] = s;
        }

        _bin.AddRange(bytes);
        return Add("bufferViews", view);
    }

    public int AddFloats(float[] data, string type, float[]? min = null, float[]? max = null)
    {
        var bytes = new byte[data.Length * 4];
        Buffer.BlockCopy(data, 0, bytes, 0, bytes.Length);
        var components = type switch { "SCALAR" => 1, "VEC2" => 2, "VEC3" => 3, _ => 4 };
        var accessor = new JsonObject
        {
            ["bufferView"] = AddView(bytes),
            ["componentType"] = 5126,
            ["count"] = data.Length / components,
            ["type"] = type,
        };
        if (min is not null && max is not null)
        {
            accessor["min"] = new JsonArray([.. min.Select(v => (JsonNode)v)]);
            accessor["max"] = new JsonArray([.. max.Select(v => (JsonNode)v)]);
        }

        return Add("accessors", accessor);
    }

    public int AddPositions(params Vector3[] positions)
    {
        var min = positions.Aggregate(new Vector3(float.MaxValue), Vector3.Min);
        var max = positions.Aggregate(new Vector3(float.MinValue), Vector3.Max);
        return AddFloats([.. positions.SelectMany(p => new[] { p.X, p.Y, p.Z })], "VEC3", [min.X, min.Y, min.Z], [max.X, max.Y, max.Z]);
    }

    public int AddIndices(params int[] indices)
    {
        var bytes = new byte[indices.Length * 4];
        Buffer.BlockCopy(indices, 0, bytes, 0, bytes.Length);
        return Add("accessors", new JsonObject { ["bufferView"] = AddView(bytes), ["componentType"] = 5125, ["count"] = indices.Length, ["type"] = "SCALAR" });
    }

    public int AddMaterial(float r, float g, float b) =>
        Add("materials", new JsonObject { ["pbrMetallicRoughness"] = new JsonObject { ["baseColorFactor"] = new JsonArray(r, g, b, 1f) } });

    public static JsonObject Primitive(int positions, int? indices = null, int? material = null, int? mode = null)
    {
        var p = new JsonObject { ["attributes"] = new JsonObject { ["POSITION"] = positions } };
        if (indices is { } i)
        {
            p["indices"] = i;
        }

        if (material is { } m)
        {
            p["material"] = m;
        }

        if (mode is { } md)
        {
            p["mode"] = md;
        }

        return p;
    }

    public int AddMesh(params JsonObject[] primitives) =>
        Add("meshes", new JsonObject { ["primitives"] = new JsonArray([.. primitives]) });

    /// <summary>A unit right triangle in XY as a mesh.</summary>
    public int AddTriangleMesh(int? material = null) =>
        AddMesh(GltfBuilder.Primitive(AddPositions(Vector3.Zero, Vector3.UnitX, Vector3.UnitY), AddIndices(0, 1, 2), material));

    public int AddNode(JsonObject node) => Add("nodes", node);

    public void AddScene(params int[] roots)
    {
        Add("scenes", new JsonObject { ["nodes"] = new JsonArray([.. roots.Select(r => (JsonNode)r)]) });
        Root["scene"] = 0;
    }

    /// <summary>An animation of one channel.</summary>
    public int AddAnimation(string name, int node, string path, string interpolation, float[] times, float[] values, string valueType)
    {
        var input = AddFloats(times, "SCALAR", [times.Min()], [times.Max()]);
        var output = AddFloats(values, valueType);
        return Add("animations", new JsonObject
        {
            ["name"] = name,
            ["samplers"] = new JsonArray(new JsonObject { ["input"] = input, ["output"] = output, ["interpolation"] = interpolation }),
            ["channels"] = new JsonArray(new JsonObject { ["sampler"] = 0, ["target"] = new JsonObject { ["node"] = node, ["path"] = path } }),
        });
    }

    public byte[] BinaryData
    {
        get
        {
            var data = _bin.ToArray();
            return data;
        }
    }

    private void SetBuffer(string? uri)
    {
        var buffer = new JsonObject { ["byteLength"] = _bin.Count };
        if (uri is not null)
        {
            buffer["uri"] = uri;
        }

        Root["buffers"] = new JsonArray(buffer);
    }

    public byte[] ToGlb()
    {
        if (_bin.Count > 0 && Root["buffers"] is null)
        {
            SetBuffer(null);
        }

        return Pack(Encoding.UTF8.GetBytes(Root.ToJsonString()), BinaryData);
    }

    /// <summary>.gltf JSON with the buffer embedded as a base64 data URI.</summary>
    public byte[] ToEmbeddedGltf()
    {
        SetBuffer("data:application/octet-stream;base64," + Convert.ToBase64String(BinaryData));
        return Encoding.UTF8.GetBytes(Root.ToJsonString());
    }

    /// <summary>.gltf JSON referring to an external buffer file (write <see cref="BinaryData"/> there).</summary>
    public byte[] ToGltfWithExternalBuffer(string uri)
    {
        SetBuffer(uri);
        return Encoding.UTF8.GetBytes(Root.ToJsonString());
    }

    public static byte[] Pack(byte[] json, byte[] bin) => LargeGlb.Pack(json, bin);
}
