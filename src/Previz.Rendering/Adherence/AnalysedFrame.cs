using System.Runtime.InteropServices;
using OpenCvSharp;

namespace Previz.Rendering.Adherence;

/// <summary>
/// One analysed frame as motion is measured on it: its grey picture and a picture of its edge strength (the Sobel
/// gradient's length, 8-bit), made once however many steps and alignments follow points on it.
/// </summary>
internal sealed class AnalysedFrame : IDisposable
{
    public AnalysedFrame(byte[] grey, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(grey);
        if (grey.Length != width * height)
        {
            throw new ArgumentException($"A frame must be {width * height} bytes, not {grey.Length}.", nameof(grey));
        }

        Grey = new Mat(height, width, MatType.CV_8UC1);
        Marshal.Copy(grey, 0, Grey.Data, grey.Length);
        using var gx = new Mat();
        using var gy = new Mat();
        Cv2.Sobel(Grey, gx, MatType.CV_32F, 1, 0);
        Cv2.Sobel(Grey, gy, MatType.CV_32F, 0, 1);
        using var magnitude = new Mat();
        Cv2.Magnitude(gx, gy, magnitude);
        Edges = new Mat();
        magnitude.ConvertTo(Edges, MatType.CV_8UC1, 0.25);
    }

    public Mat Grey { get; }

    /// <summary>
    /// How strong the picture's edges are at each pixel. An edge stays an edge when a grade or a restyle changes the
    /// shades on either side of it, even when it turns a dark-on-light edge light-on-dark; the shades themselves do not.
    /// </summary>
    public Mat Edges { get; }

    public void Dispose()
    {
        Grey.Dispose();
        Edges.Dispose();
    }
}
