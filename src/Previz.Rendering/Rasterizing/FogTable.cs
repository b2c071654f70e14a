using Previz.Core.Scenes;

namespace Previz.Rendering.Rasterizing;

/// <summary>Exponential fog: a surface at distance d keeps exp(−density·d) of its colour and takes the rest from the fog.</summary>
internal sealed class FogTable
{
    private const float MaxOpticalDepth = 8f;
    private const int TableSize = 1024;
    private readonly int[] _keep = new int[TableSize];
    private readonly float _density;
    private readonly uint _fog;

    public FogTable(SceneEnvironment environment)
    {
        _density = environment.FogDensity;
        _fog = PackedColor.FromRgb(new(environment.FogColor.R, environment.FogColor.G, environment.FogColor.B));
        for (var i = 0; i < TableSize; i++)
        {
            _keep[i] = (int)(MathF.Exp(-i * MaxOpticalDepth / TableSize) * 256f);
        }
    }

    public bool Enabled => _density > 0 && float.IsFinite(_density);

    /// <summary>Fogs every covered pixel (depth is 1/w; w is the distance along the view axis).</summary>
    public void Apply(ReadOnlySpan<float> depth, Span<uint> colour)
    {
        var keep = _keep.AsSpan();
        const float toIndex = TableSize / MaxOpticalDepth;
        for (var i = 0; i < depth.Length; i++)
        {
            var iz = depth[i];
            if (iz > 0)
            {
                var index = (int)(_density / iz * toIndex);
                var k = index < TableSize ? keep[index] : 0;
                colour[i] = PackedColor.Blend(_fog, colour[i], k);
            }
        }
    }
}
