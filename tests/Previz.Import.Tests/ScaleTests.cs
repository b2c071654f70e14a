using Previz.Import.Tests.Support;

namespace Previz.Import.Tests;

/// <summary>
/// A one-million-triangle GLB imports whole. How fast is measured by bench/import.sh, not here: timings in tests
/// fail on a loaded machine and prove nothing about correctness.
/// </summary>
public sealed class ScaleTests
{
    [Fact]
    public async Task A_one_million_triangle_glb_imports_every_triangle()
    {
        using var dir = new TempFolder();
        var path = Path.Combine(dir.Path, "terrain.glb");
        await File.WriteAllBytesAsync(path, LargeGlb.Create(1_000_000, nodes: 1));

        var import = await GltfImporter.LoadAsync(path);

        Assert.True(import.TriangleCount >= 1_000_000, $"{import.TriangleCount} triangles");
        var mesh = Assert.Single(import.Scene.Objects, o => o.Mesh is { TriangleCount: > 0 }).Mesh!;
        Assert.Equal(import.TriangleCount, mesh.TriangleCount);
        Assert.All(mesh.Indices, i => Assert.InRange(i, 0, mesh.Positions.Length - 1));
    }
}
