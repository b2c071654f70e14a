using Previz.Rendering.Rasterizing;

namespace Previz.Rendering.Adherence;

/// <summary>Grey pictures for motion analysis from rendered RGBA frames.</summary>
internal static class GreyFrame
{
    /// <summary>
    /// The luma (BT.601 weights, as a decoder's grey picture) of <paramref name="frame"/>, averaged over
    /// <paramref name="factor"/> × <paramref name="factor"/> blocks: what area scaling does to a decoded clip.
    /// </summary>
    public static byte[] Downsample(RgbaFrame frame, int factor)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        int width = frame.Width / factor, height = frame.Height / factor;
        var grey = new byte[width * height];
        var pixels = frame.Pixels;
        var stride = frame.Width * 4;
        var area = factor * factor;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var sum = 0;
                for (var dy = 0; dy < factor; dy++)
                {
                    var i = ((y * factor) + dy) * stride + (x * factor * 4);
                    for (var dx = 0; dx < factor; dx++, i += 4)
                    {
                        sum += (77 * pixels[i]) + (150 * pixels[i + 1]) + (29 * pixels[i + 2]);
                    }
                }

                grey[(y * width) + x] = (byte)((sum / area) >> 8);
            }
        }

        return grey;
    }
}
