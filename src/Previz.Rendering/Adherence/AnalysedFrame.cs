using System.Runtime.InteropServices;
using OpenCvSharp;

namespace Previz.Rendering.Adherence;

/// <summary>
/// One analysed frame as motion is measured on it: its grey picture, a picture of its edge strength (the Sobel
/// gradient's length, 8-bit) and one of its local contrast, made once however many steps and alignments follow points on it.
/// </summary>
internal sealed class AnalysedFrame : IDisposable
{
    /// <summary>The width (Gaussian sigma, pixels of the analysed picture) of the surroundings a pixel is compared with.</summary>
    private const double ContrastRadius = 4;

    /// <summary>
    /// The least spread (grey levels) a pixel's surroundings count as having: a step of a couple of levels, as the facets
    /// of a dark object show, is still brought up to full contrast; a flat patch's compression noise is not.
    /// </summary>
    private const double LeastSpread = 2;

    /// <summary>Grey levels per spread in the 8-bit picture that Lucas–Kanade follows: about ±5 spreads round mid-grey.</summary>
    private const double LevelsPerSpread = 25;

    private readonly Lazy<Mat> _contrast;

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
        // Only a shot with moving objects follows points on it.
        _contrast = new Lazy<Mat>(() => LocalContrast(Grey));
    }

    public Mat Grey { get; }

    /// <summary>
    /// How strong the picture's edges are at each pixel. An edge stays an edge when a grade or a restyle changes the
    /// shades on either side of it, even when it turns a dark-on-light edge light-on-dark; the shades themselves do not.
    /// </summary>
    public Mat Edges { get; }

    /// <summary>
    /// The grey picture with its local contrast evened out: each pixel's difference from the mean around it over the
    /// spread of the shades around it (<see cref="ContrastRadius"/>), 8-bit about mid-grey. A grade, a gamma or a dark
    /// restyle that squeezes an object's shading into a few grey levels keeps the shape of that shading, which is what
    /// moves with a turning object, and a faint edge is followed as surely as a bold one.
    /// </summary>
    public Mat Contrast => _contrast.Value;

    public void Dispose()
    {
        Grey.Dispose();
        Edges.Dispose();
        if (_contrast.IsValueCreated)
        {
            _contrast.Value.Dispose();
        }
    }

    private static Mat LocalContrast(Mat grey)
    {
        using var shade = new Mat();
        grey.ConvertTo(shade, MatType.CV_32F);
        using var mean = new Mat();
        Cv2.GaussianBlur(shade, mean, new Size(0, 0), ContrastRadius);
        using var centred = new Mat();
        Cv2.Subtract(shade, mean, centred);
        using var square = new Mat();
        Cv2.Multiply(centred, centred, square);
        using var spread = new Mat();
        Cv2.GaussianBlur(square, spread, new Size(0, 0), ContrastRadius);
        Cv2.Add(spread, new Scalar(LeastSpread * LeastSpread), spread);
        Cv2.Sqrt(spread, spread);
        using var evened = new Mat();
        Cv2.Divide(centred, spread, evened);
        var contrast = new Mat();
        evened.ConvertTo(contrast, MatType.CV_8UC1, LevelsPerSpread, 128);
        return contrast;
    }
}
