using System.Runtime.InteropServices;
using OpenCvSharp;

namespace Previz.Rendering.Adherence;

/// <summary>
/// The frame-to-frame motion of a sequence of grey frames, told apart by a label picture per frame (0 for the
/// background, n for the nth moving object, as the shot's Direct Render draws them). The camera's: corners found on the
/// background (Shi–Tomasi), followed into the next frame with pyramidal Lucas–Kanade, checked by following them back,
/// and a similarity transform fitted to them with RANSAC. Each object's: dense optical flow over its pixels. Without
/// labels the whole picture is background, and RANSAC alone leaves what moves on its own out as outliers.
/// </summary>
internal sealed class FrameMotionEstimator : IDisposable
{
    /// <summary>Fewer corners or inliers than this and the camera's step is not measured: a fit to a handful proves nothing.</summary>
    private const int MinimumPoints = 8;

    /// <summary>An object smaller than this many pixels on screen shows too little to measure.</summary>
    private const int MinimumObjectPixels = 24;

    /// <summary>A corner that comes back further than this (pixels) from where it started was followed wrongly.</summary>
    private const float ForwardBackwardPixels = 1f;

    /// <summary>
    /// RANSAC's inlier distance (pixels): loose enough that nearby depths of a scene with parallax count as one layer
    /// (a tighter fit flips between near and far layers from frame to frame, differently in each rendering).
    /// </summary>
    private const double InlierPixels = 2;

    private readonly int _width;
    private readonly int _height;
    private readonly int _objects;
    private readonly Size _window = new(15, 15);
    private readonly TermCriteria _criteria = new(CriteriaTypes.Count | CriteriaTypes.Eps, 20, 0.03);
    private readonly Mat? _objectMask;
    private readonly Mat? _backgroundMask;
    private readonly Mat? _margin;
    private Mat _previous;
    private Mat _current;
    private byte[]? _previousLabels;
    private byte[]? _currentLabels;
    private bool _hasPrevious;

    /// <param name="objects">How many moving objects the labels name (1 … objects); 0 for none.</param>
    public FrameMotionEstimator(int width, int height, int objects)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(objects);
        _width = width;
        _height = height;
        _objects = objects;
        _previous = new Mat(height, width, MatType.CV_8UC1);
        _current = new Mat(height, width, MatType.CV_8UC1);
        if (objects > 0)
        {
            _objectMask = new Mat(height, width, MatType.CV_8UC1);
            _backgroundMask = new Mat(height, width, MatType.CV_8UC1);
            // The background keeps clear of the objects by a margin: a restyled or slightly displaced clip draws its
            // objects a little off the reference's outline, and corners on an object's edge move with the object.
            var margin = Math.Max(2, width / 40);
            _margin = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size((2 * margin) + 1, (2 * margin) + 1));
        }
    }

    /// <summary>
    /// Takes the next frame (width × height grey bytes) with its labels (same size; null when the estimator has no
    /// objects) and returns the motion from the frame before: null for the first frame.
    /// </summary>
    public FrameMotion? Next(byte[] grey, byte[]? labels)
    {
        ArgumentNullException.ThrowIfNull(grey);
        if (grey.Length != _width * _height)
        {
            throw new ArgumentException($"A frame must be {_width * _height} bytes, not {grey.Length}.", nameof(grey));
        }

        if (_objects > 0 && labels?.Length != grey.Length)
        {
            throw new ArgumentException($"Labels of {_width * _height} bytes are needed for {_objects} objects.", nameof(labels));
        }

        Marshal.Copy(grey, 0, _current.Data, grey.Length);
        _currentLabels = labels;
        var motion = _hasPrevious ? Estimate(_previous, _current, _previousLabels) : null;
        (_previous, _current) = (_current, _previous);
        _previousLabels = _currentLabels;
        _hasPrevious = true;
        return motion;
    }

    private FrameMotion Estimate(Mat from, Mat to, byte[]? labels)
    {
        var mask = labels is null ? null : BackgroundMask(labels);
        var corners = Cv2.GoodFeaturesToTrack(from, 400, 0.01, Math.Max(3, _width / 64.0), mask!, 3, false, 0.04);
        ImageMotion? camera = null;
        if (corners.Length >= MinimumPoints)
        {
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

            camera = source.Count < MinimumPoints ? null : Fit(source, target);
        }

        return new FrameMotion(camera, labels is null ? [] : ObjectMotion(from, to, labels));
    }

    /// <summary>
    /// Where the camera is measured: away from the moving objects by a margin, since a restyled or slightly displaced
    /// clip draws its objects a little off the reference's outline and corners on an object's edge move with it.
    /// </summary>
    private Mat BackgroundMask(byte[] labels)
    {
        Marshal.Copy(labels, 0, _objectMask!.Data, labels.Length);
        Cv2.Threshold(_objectMask, _objectMask, 0, 255, ThresholdTypes.Binary);
        Cv2.Dilate(_objectMask, _backgroundMask!, _margin!);
        Cv2.BitwiseNot(_backgroundMask!, _backgroundMask!);
        return _backgroundMask!;
    }

    /// <summary>
    /// Each object's mean motion on screen: dense optical flow (Farnebäck) over the box around the moving objects,
    /// averaged over each object's pixels. A turning product or a running player shows few corners that can be followed
    /// from frame to frame (flat faces, edges that slide along themselves), but its moving outline and inner edges
    /// shift the whole region's flow the way it moves.
    /// </summary>
    private ImageMotion?[] ObjectMotion(Mat from, Mat to, byte[] labels)
    {
        var objects = new ImageMotion?[_objects];
        int left = _width, top = _height, right = -1, bottom = -1;
        for (var y = 0; y < _height; y++)
        {
            var row = y * _width;
            for (var x = 0; x < _width; x++)
            {
                if (labels[row + x] != 0)
                {
                    (left, right, top, bottom) = (Math.Min(left, x), Math.Max(right, x), Math.Min(top, y), Math.Max(bottom, y));
                }
            }
        }

        if (right < 0)
        {
            return objects;
        }

        var margin = Math.Max(4, _width / 40);
        var box = Rect.FromLTRB(Math.Max(0, left - margin), Math.Max(0, top - margin), Math.Min(_width, right + margin + 1), Math.Min(_height, bottom + margin + 1));
        using var fromBox = new Mat(from, box);
        using var toBox = new Mat(to, box);
        using var flow = new Mat();
        Cv2.CalcOpticalFlowFarneback(fromBox, toBox, flow, 0.5, 3, 9, 3, 5, 1.1, OpticalFlowFlags.None);
        using var gx = new Mat();
        using var gy = new Mat();
        Cv2.Sobel(fromBox, gx, MatType.CV_32F, 1, 0);
        Cv2.Sobel(fromBox, gy, MatType.CV_32F, 0, 1);
        var vectors = new float[box.Width * box.Height * 2];
        var across = new float[box.Width * box.Height];
        var down = new float[box.Width * box.Height];
        Marshal.Copy(flow.Data, vectors, 0, vectors.Length);
        Marshal.Copy(gx.Data, across, 0, across.Length);
        Marshal.Copy(gy.Data, down, 0, down.Length);

        // Each component weighed by the squared gradient along it: flow is only measured across an edge (the aperture
        // problem), so the flat faces and the run of an edge, where it is made up, count for nothing.
        var sums = new (double U, double WeightU, double V, double WeightV, int Count)[_objects];
        for (var y = 0; y < box.Height; y++)
        {
            var row = (y + box.Y) * _width;
            for (var x = 0; x < box.Width; x++)
            {
                var label = labels[row + x + box.X];
                if (label == 0 || label > _objects)
                {
                    continue;
                }

                var i = (y * box.Width) + x;
                double wu = across[i] * across[i], wv = down[i] * down[i];
                ref var sum = ref sums[label - 1];
                sum = (sum.U + (wu * vectors[2 * i]), sum.WeightU + wu, sum.V + (wv * vectors[(2 * i) + 1]), sum.WeightV + wv, sum.Count + 1);
            }
        }

        for (var o = 0; o < _objects; o++)
        {
            var (u, weightU, v, weightV, count) = sums[o];
            if (count >= MinimumObjectPixels)
            {
                objects[o] = new ImageMotion(weightU > 0 ? u / weightU / _width : 0, weightV > 0 ? v / weightV / _width : 0, 0, 0);
            }
        }

        return objects;
    }

    /// <summary>The similarity transform of the background's points, about the frame's centre; null when RANSAC finds too few that agree.</summary>
    private ImageMotion? Fit(List<Point2f> source, List<Point2f> target)
    {
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
        _objectMask?.Dispose();
        _backgroundMask?.Dispose();
        _margin?.Dispose();
    }
}
