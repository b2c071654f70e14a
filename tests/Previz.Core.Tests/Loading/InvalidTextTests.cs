using System.Text;
using Previz.Core.Loading;

namespace Previz.Core.Tests.Loading;

/// <summary>Text that is not text (invalid UTF-8, an unpaired surrogate) is a problem with its path, never a crash.</summary>
public class InvalidTextTests
{
    private const string Scene = """
        { "name": "NAME", "cameras": [ { "id": "c" } ], "shots": [ { "id": "s", "cameraId": "c", "duration": 1 } ], "objects": [ { "id": "box", "kind": "box", "description": "DESC" } ] }
        """;

    [Fact]
    public void Invalid_utf8_in_a_string_is_a_problem_naming_its_path()
    {
        var bytes = Bytes(Scene.Replace("NAME", "A\u0001", StringComparison.Ordinal), "A\u0001", [0x41, 0xC3, 0x28]);

        var ex = Assert.Throws<SceneValidationException>(() => SceneReader.Read(bytes));

        var problem = Assert.Single(ex.Errors);
        Assert.Equal("$.name", problem.Path);
        Assert.Contains("not valid text", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unpaired_surrogate_escape_in_a_nested_string_is_a_problem_naming_its_path()
    {
        var json = Scene.Replace("DESC", "\\ud800 alone", StringComparison.Ordinal);

        var ex = Assert.Throws<SceneValidationException>(() => SceneReader.Read(json));

        var problem = Assert.Single(ex.Errors);
        Assert.Equal("$.objects[0].description", problem.Path);
    }

    [Fact]
    public void Invalid_utf8_in_a_property_name_is_a_problem_naming_its_parent()
    {
        var bytes = Bytes(Scene.Replace("\"name\"", "\"B\u0001\"", StringComparison.Ordinal), "B\u0001", [0x42, 0xFF]);

        var ex = Assert.Throws<SceneValidationException>(() => SceneReader.Read(bytes));

        Assert.Equal("$", Assert.Single(ex.Errors).Path);
    }

    /// <summary>The UTF-8 of <paramref name="json"/> with the bytes of <paramref name="marker"/> replaced by <paramref name="raw"/>.</summary>
    private static byte[] Bytes(string json, string marker, byte[] raw)
    {
        var text = Encoding.UTF8.GetBytes(json);
        var at = text.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker));
        return [.. text.AsSpan(0, at), .. raw, .. text.AsSpan(at + Encoding.UTF8.GetByteCount(marker))];
    }
}
