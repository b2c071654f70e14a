using System.Runtime.Intrinsics;
using Previz.Core.Scenes;
using Previz.Rendering.Rasterizing;

namespace Previz.Rendering.Tests.Rasterizing;

public class FogTableTests
{
    private static readonly FogTable Fog = new(SceneEnvironment.Default with { FogDensity = 0.02f, FogColor = ColorRgb.FromHex("#4060a0") });

    [Fact]
    public void The_vector_fog_matches_the_scalar_fog_and_exp_of_minus_density_times_distance()
    {
        var colours = new uint[] { 0xFF000000u, 0xFFFFFFFFu, 0xFF2080E0u, 0xFF10F010u, 0xFFC0C0C0u, 0xFF0000FFu, 0xFF804020u, 0xFF00FF00u };
        foreach (var distance in new[] { 0.1f, 1f, 7.5f, 20f, 49f, 120f, 400f, 5000f })
        {
            var iz = 1f / distance;
            var vector = Fog.Blend(Vector256.Create(iz), Vector256.Create<uint>(colours));
            var keep = MathF.Exp(-0.02f * distance);
            for (var k = 0; k < 8; k++)
            {
                var scalar = Fog.Blend(iz, colours[k]);
                var fogged = vector.GetElement(k);
                for (var shift = 0; shift < 32; shift += 8)
                {
                    int v = (int)((fogged >> shift) & 0xFF), s = (int)((scalar >> shift) & 0xFF);
                    Assert.InRange(v, s - 1, s + 1);
                }

                // Against the exact formula, per channel.
                var fog = new[] { 0x40, 0x60, 0xA0 };
                for (var ch = 0; ch < 3; ch++)
                {
                    var c = (int)((colours[k] >> (8 * ch)) & 0xFF);
                    var exact = (c * keep) + (fog[ch] * (1 - keep));
                    Assert.InRange((int)((fogged >> (8 * ch)) & 0xFF), exact - 2, exact + 2);
                }

                Assert.Equal(0xFFu, fogged >> 24);
            }
        }
    }

    [Fact]
    public void Apply_fogs_covered_pixels_and_leaves_empty_ones_alone()
    {
        var depth = new float[19];
        var colour = new uint[19];
        for (var i = 0; i < depth.Length; i++)
        {
            depth[i] = i % 3 == 0 ? 0f : 1f / (5f + (10 * i));
            colour[i] = 0xFF112233u + (uint)i;
        }

        var before = (uint[])colour.Clone();
        Fog.Apply(depth, colour);

        for (var i = 0; i < depth.Length; i++)
        {
            Assert.Equal(depth[i] == 0 ? before[i] : Fog.Blend(depth[i], before[i]), colour[i]);
        }
    }
}
