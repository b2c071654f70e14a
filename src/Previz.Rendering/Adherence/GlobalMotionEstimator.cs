using System.Runtime.InteropServices;
using OpenCvSharp;

namespace Previz.Rendering.Adherence;

/// <summary>
/// The frame-to-frame global motion of a sequence of grey frames: corners found in each frame (Shi–Tomasi), followed
/// into the next with pyramidal Lucas–Kanade and checked by following them back, and a similarity transform fitted to
/// the survivors with RANSAC, so that what moves on its own (a player, a turning product) is left out as outliers and
/// the motion that most of the picture shares (the camera's) remains.
/// </summary>
internal sealed class GlobalMotionEstimator : IDisposable
{
    /// <summary>Fewer corners or inliers than this and the step is not measured: a fit to a handful proves nothing.</summary>
    private const int MinimumPoints = 8;

    /// <summary>A corner that comes back further than this (pixels) from where it started was followed wrongly.</summary>
    private const float ForwardBackwardPixels = 1f;

    /// <summary>
    /// RANSAC's inlier distance (pixels): loose enough that nearby depths of a scene with parallax count as one layer
    /// (a tighter fit flips between near and far layers from frame to frame, differently in each rendering).
    /// </summary>
    private const double InlierPixels = 2;

    private readonly int _width;
    private readonly int _height;
    private readonly Size _window = new(15, 15);
    private readonly TermCriteria _criteria = new(CriteriaTypes.Count | CriteriaTypes.Eps, 20, 0.03);
    private Mat _previous;
    private Mat _current;
    private bool _hasPrevious;

    public GlobalMotionEstimator(int width, int height)
    {
        _width = width;
        _height = height;
        _previous = new Mat(height, width, MatType.CV_8UC1);
        _current = new Mat(height, width, MatType.CV_8UC1);
    }

    /// <summary>
    /// Takes the next frame (width × height grey bytes) and returns the motion from the frame before, null for the first
    /// frame or when too little in the picture can be followed (a flat colour, a cut).
    /// </summary>
    public ImageMotion? Next(byte[] grey)
    {
        ArgumentNullException.ThrowIfNull(grey);
        if (grey.Length != _width * _height)
        {
            throw new ArgumentException($"A frame must be {_width * _height} bytes, not {grey.Length}.", nameof(grey));
        }

        Marshal.Copy(grey, 0, _current.Data, grey.Length);
        var motion = _hasPrevious ? Estimate(_previous, _current) : null;
        (_previous, _current) = (_current, _previous);
        _hasPrevious = true;
        return motion;
    }

    private ImageMotion? Estimate(Mat from, Mat to)
    {
        var corners = Cv2.GoodFeaturesToTrack(from, 400, 0.01, Math.Max(3, _width / 64.0), null!, 3, false, 0.04);
        if (corners.Length < MinimumPoints)
        {
            return null;
        }

        var forward = Array.Empty<Point2f>();
        Cv2.CalcOpticalFlowPyrLK(from, to, corners, ref forward, out var status, out _, _window, 3, _criteria, OpticalFlowFlags.None, 1e-4);
        var back = Array.Empty<Point2f>();
        Cv2.CalcOpticalFlowPyrLK(to, from, forward, ref back, out var backStatus, out _, _window, 3, _criteria, OpticalFlowFlags.None, 1e-4);

        var source = new List<Point2f>(corners.Length);
        var target = new List<Point2f>(corners.Length);
        for (var i = 0; i < corners.Length; i++)
        {
            if (status[i] == 1 && backStatus[i] == 1 && Point2f.Distance(back[i], corners[i]) < ForwardBackwardPixels)
            {
                source.Add(corners[i]);
                target.Add(forward[i]);
            }
        }

        if (source.Count < MinimumPoints)
        {
            return null;
        }

        using var inliers = new Mat();
        using var fit = Cv2.EstimateAffinePartial2D(InputArray.Create(source, MatType.CV_32FC2), InputArray.Create(target, MatType.CV_32FC2),
            inliers, RobustEstimationAlgorithms.RANSAC, InlierPixels, 2000, 0.99, 10);
        if (fit is null || fit.Empty() || Cv2.CountNonZero(inliers) < MinimumPoints)
        {
            return null;
        }

        // [a -b tx; b a ty]: scale √(a²+b²), angle atan2(b, a); the centre's displacement is the translation that a
        // zoom or roll about the centre leaves alone.
        double a = fit.At<double>(0, 0), b = fit.At<double>(1, 0), tx = fit.At<double>(0, 2), ty = fit.At<double>(1, 2);
        double cx = _width / 2.0, cy = _height / 2.0;
        var dx = (a * cx) - (b * cy) + tx - cx;
        var dy = (b * cx) + (a * cy) + ty - cy;
        return new ImageMotion(dx / _width, dy / _width, Math.Log(Math.Sqrt((a * a) + (b * b))), Math.Atan2(b, a));
    }

    public void Dispose()
    {
        _previous.Dispose();
        _current.Dispose();
    }
}
