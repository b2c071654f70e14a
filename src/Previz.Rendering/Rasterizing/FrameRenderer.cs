using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Previz.Core.Cameras;
using Previz.Core.Sampling;
using Previz.Core.Scenes;
using Previz.Rendering.Framing;

namespace Previz.Rendering.Rasterizing;

/// <summary>
/// Renders frames of one scene with the software rasterizer. Meshes are prepared once per mesh (shared by every renderer
/// of the scene); depth, triangle and line buffers are kept and reused from frame to frame, so rendering a shot
/// allocates almost nothing per frame. Geometry is set up on the calling thread (vertices projected once, culled
/// triangles and edges dropped before setup) and binned by bands of rows, then the bands are filled in parallel.
/// Not thread-safe: use one instance per render.
/// </summary>
public sealed class FrameRenderer
{
    private static readonly uint WireBackground = PackedColor.FromRgb(new(0.07f, 0.075f, 0.09f));
    private static readonly Vector3 GridColour = new(0.55f, 0.6f, 0.7f);

    /// <summary>Rows per band: a band's depth and colour rows stay in the core's cache while it is filled.</summary>
    private const int BandRows = 32;

    /// <summary>Outcode bits of a vertex behind the near plane and beyond the far plane (1, 2, 4, 8: right, left, top, bottom).</summary>
    private const int OutsideNear = 16;
    private const int OutsideFar = 32;

    /// <summary>Frames of a shot sampled for its depth range, and the width they are rendered at.</summary>
    private const int DepthProbes = 16;
    private const int DepthProbeWidth = 256;

    /// <summary>
    /// Factor by which a shot's depth range is widened at both ends (in 1/w) for surfaces between the sampled frames or
    /// too thin for the probe; what still lies outside is drawn at the nearest or farthest grey.
    /// </summary>
    private const float DepthRangeMargin = 1.15f;

    private readonly PoseSampler _sampler;
    private readonly SceneGeometry _geometry;
    private readonly FrameRendererOptions _options;
    private readonly SkyGradient _sky;
    private readonly FogTable _fog;
    private readonly DepthTone _depthTone = new();
    private readonly Vector3 _sun;
    private readonly float _sunIntensity;
    private readonly float _ambient;
    private readonly (Vector3 A, Vector3 B)[] _grid;
    private readonly float _gridFade;
    private readonly ParallelOptions _parallel;

    private float[] _depth = [];
    private ScreenTriangle[] _triangles = new ScreenTriangle[4096];
    private int _triangleCount;
    private ScreenLine[] _lines = new ScreenLine[1024];
    private int _lineCount;
    private Vector3[] _screen = new Vector3[256];
    private byte[] _outside = new byte[256];
    private bool[] _front = new bool[512];
    private int[] _triangleBands = [];
    private int[] _triangleBandStarts = [];
    private int[] _lineBands = [];
    private int[] _lineBandStarts = [];
    private int[] _binCursor = [];
    private int[] _rowBand = [];
    private float[] _probeDepth = [];
    private uint[] _labelWords = [];
    private Shot? _depthShot;
    private (float Near, float Far) _depthRange;

    public FrameRenderer(SceneDocument scene, FrameRendererOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scene);
        Scene = scene;
        _options = options ?? FrameRendererOptions.Default;
        _sampler = new PoseSampler(scene);
        _geometry = new SceneGeometry(scene);
        var env = scene.Environment;
        _sky = new SkyGradient(env);
        _fog = new FogTable(env);
        _sun = env.SunDirection.LengthSquared() > 1e-12f ? Vector3.Normalize(env.SunDirection) : Vector3.UnitY;
        _sunIntensity = env.SunIntensity;
        _ambient = env.Ambient;
        (_grid, _gridFade) = _options.GroundGrid ? BuildGrid() : ([], 0f);
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism ?? Environment.ProcessorCount };
    }

    public SceneDocument Scene { get; }

    /// <summary>The camera of <paramref name="shot"/> at scene time <paramref name="time"/>, as frames are rendered with it.</summary>
    public CameraPose Camera(Shot shot, double time) => _sampler.Camera(shot, time);

    /// <summary>Renders the shot's view at scene time <paramref name="time"/> into a new frame.</summary>
    public RgbaFrame Render(Shot shot, double time, RenderPass pass, FrameSize size)
    {
        var frame = new RgbaFrame(size);
        Render(shot, time, pass, frame);
        return frame;
    }

    /// <summary>
    /// Renders the shot's view at scene time <paramref name="time"/> into <paramref name="target"/>. The depth pass maps
    /// depth to grey over one range for the whole shot (see <see cref="DepthRange"/>), so a still at a frame's time
    /// equals that frame of the video.
    /// </summary>
    public void Render(Shot shot, double time, RenderPass pass, RgbaFrame target)
    {
        ArgumentNullException.ThrowIfNull(shot);
        ArgumentNullException.ThrowIfNull(target);
        if (pass == RenderPass.Depth)
        {
            var (near, far) = DepthRange(shot);
            _depthTone.Range(near, far);
        }

        Render(_sampler.Camera(shot, time), _sampler.SampleObjects(time), pass, target);
    }

    /// <summary>
    /// Which object each pixel of the shot's view at <paramref name="time"/> shows, as
    /// <paramref name="labelOfObject"/>[object index] (0 for the sky): data for motion analysis, not a picture. Objects
    /// labelled 0 still hide what lies behind them.
    /// </summary>
    internal void RenderLabels(Shot shot, double time, byte[] labelOfObject, byte[] labels, FrameSize size)
    {
        ArgumentNullException.ThrowIfNull(shot);
        ArgumentNullException.ThrowIfNull(labelOfObject);
        ArgumentNullException.ThrowIfNull(labels);
        int width = size.Width, height = size.Height;
        ArgumentOutOfRangeException.ThrowIfNotEqual(labels.Length, width * height, nameof(labels));
        if (_depth.Length != width * height)
        {
            _depth = new float[width * height];
        }

        if (_labelWords.Length != width * height)
        {
            _labelWords = new uint[width * height];
        }

        SetUp(_sampler.Camera(shot, time), _sampler.SampleObjects(time), RenderPass.Depth, width, height, labelOfObject);
        var bands = Math.Max(1, (height + BandRows - 1) / BandRows);
        Bin(bands, height);
        ForEachBand(bands, band =>
        {
            var (rowStart, rowEnd) = Rows(band, bands, height);
            var range = (rowStart * width)..(rowEnd * width);
            _depth.AsSpan(range).Clear();
            _labelWords.AsSpan(range).Clear();
            var inBand = _triangleBands.AsSpan(_triangleBandStarts[band], _triangleBandStarts[band + 1] - _triangleBandStarts[band]);
            TriangleRasterizer.Fill(_triangles.AsSpan(0, _triangleCount), inBand, _depth, _labelWords, width, rowStart, rowEnd);
        });
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = (byte)_labelWords[i];
        }
    }

    /// <summary>
    /// The objects (by index) that move at some point over <paramref name="times"/>: their place, turn or scale changes,
    /// or their mesh deforms (a skin, morph targets).
    /// </summary>
    internal bool[] MovingObjects(IReadOnlyList<double> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        var moving = new bool[_geometry.Count];
        for (var o = 0; o < moving.Length; o++)
        {
            moving[o] = _geometry.DeformsObject(o);
        }

        if (times.Count == 0)
        {
            return moving;
        }

        var first = _sampler.SampleObjects(times[0]);
        foreach (var time in times.Skip(1))
        {
            var pose = _sampler.SampleObjects(time);
            for (var o = 0; o < moving.Length; o++)
            {
                moving[o] |= pose.Objects[o].World != first.Objects[o].World;
            }
        }

        return moving;
    }

    /// <summary>
    /// The inverse depths (1/w) that the depth pass maps to its nearest and farthest grey for <paramref name="shot"/>:
    /// the nearest and farthest surface seen in up to <see cref="DepthProbes"/> frames spread over the shot (first and
    /// last included), rendered small, widened by <see cref="DepthRangeMargin"/> on either side for what lies between
    /// them. Computed once per shot; the camera's near and far planes when nothing is seen.
    /// </summary>
    internal (float Near, float Far) DepthRange(Shot shot)
    {
        if (ReferenceEquals(shot, _depthShot))
        {
            return _depthRange;
        }

        float near = 0, far = float.MaxValue;
        var frames = Math.Max(1, shot.FrameCount);
        var probes = Math.Min(frames, DepthProbes);
        CameraPose? camera = null;
        for (var i = 0; i < probes; i++)
        {
            var frame = probes == 1 ? 0 : (int)Math.Round(i * (frames - 1) / (double)(probes - 1));
            var time = shot.FrameTime(frame);
            camera = _sampler.Camera(shot, time);
            var width = DepthProbeWidth;
            var height = Math.Max(16, (int)MathF.Round(width / camera.Aspect));
            if (_probeDepth.Length != width * height)
            {
                _probeDepth = new float[width * height];
            }

            SetUp(camera, _sampler.SampleObjects(time), RenderPass.Depth, width, height);
            Bin(1, height);
            var depth = _probeDepth.AsSpan();
            depth.Clear();
            TriangleRasterizer.FillDepth(_triangles.AsSpan(0, _triangleCount), _triangleBands.AsSpan(0, _triangleBandStarts[1]), depth, width, 0, height);
            var (n, f) = Extremes(depth);
            near = MathF.Max(near, n);
            far = MathF.Min(far, f);
        }

        if (near > 0 && far < float.MaxValue)
        {
            (near, far) = (near * DepthRangeMargin, far / DepthRangeMargin);
        }
        else
        {
            (near, far) = camera is null ? (10f, 0.001f) : (1f / camera.Near, 1f / camera.Far);
        }

        _depthShot = shot;
        _depthRange = (near, far);
        return _depthRange;
    }

    /// <summary>Renders a view; the depth pass uses the range last set on <see cref="_depthTone"/>.</summary>
    internal void Render(CameraPose camera, ScenePose pose, RenderPass pass, RgbaFrame target)
    {
        int width = target.Width, height = target.Height;
        if (_depth.Length != width * height)
        {
            _depth = new float[width * height];
        }

        SetUp(camera, pose, pass, width, height);
        if (pass == RenderPass.Shaded)
        {
            _sky.Frame(camera, width, height);
        }

        var bands = Math.Max(1, (height + BandRows - 1) / BandRows);
        Bin(bands, height);
        var pixels = target.Pixels;
        ForEachBand(bands, band =>
        {
            var (rowStart, rowEnd) = Rows(band, bands, height);
            RenderBand(pass, pixels, width, rowStart, rowEnd, band);
        });
    }

    /// <summary>Runs the bands in parallel, or in a plain loop on one thread (no hand-offs to pay for).</summary>
    private void ForEachBand(int bands, Action<int> body)
    {
        if (_parallel.MaxDegreeOfParallelism == 1)
        {
            for (var band = 0; band < bands; band++)
            {
                body(band);
            }
        }
        else
        {
            Parallel.For(0, bands, _parallel, body);
        }
    }

    private static (int Start, int End) Rows(int band, int bands, int height) =>
        (band * height / bands, (band + 1) * height / bands);

    private static Span<uint> Words(byte[] pixels) => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(pixels.AsSpan());

    private void RenderBand(RenderPass pass, byte[] pixels, int width, int rowStart, int rowEnd, int band)
    {
        var depth = _depth.AsSpan();
        var colour = Words(pixels);
        var range = (rowStart * width)..(rowEnd * width);
        depth[range].Clear();
        var triangles = _triangles.AsSpan(0, _triangleCount);
        var inBand = _triangleBands.AsSpan(_triangleBandStarts[band], _triangleBandStarts[band + 1] - _triangleBandStarts[band]);
        switch (pass)
        {
            case RenderPass.Shaded:
                TriangleRasterizer.Fill(triangles, inBand, depth, colour, width, rowStart, rowEnd);
                _sky.Resolve(depth, colour, rowStart, rowEnd, _fog.Enabled ? _fog : null);

                break;
            case RenderPass.Wireframe:
                colour[range].Fill(WireBackground);
                TriangleRasterizer.FillDepth(triangles, inBand, depth, width, rowStart, rowEnd);
                var lines = _lineBands.AsSpan(_lineBandStarts[band], _lineBandStarts[band + 1] - _lineBandStarts[band]);
                LineRasterizer.Draw(_lines.AsSpan(0, _lineCount), lines, depth, colour, width, rowStart, rowEnd);
                break;
            case RenderPass.Depth:
                TriangleRasterizer.FillDepth(triangles, inBand, depth, width, rowStart, rowEnd);
                _depthTone.Resolve(depth[range], colour[range]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(pass), pass, "Unknown render pass.");
        }
    }

    /// <summary>The largest and the smallest non-zero inverse depth (the nearest and farthest surface).</summary>
    private static (float Near, float Far) Extremes(ReadOnlySpan<float> depth)
    {
        var i = 0;
        float near = 0, far = float.MaxValue;
        if (Vector256.IsHardwareAccelerated && depth.Length >= 8)
        {
            var nv = Vector256<float>.Zero;
            var fv = Vector256.Create(float.MaxValue);
            var max = Vector256.Create(float.MaxValue);
            for (; i + 8 <= depth.Length; i += 8)
            {
                var v = Vector256.Create(depth.Slice(i, 8));
                nv = Vector256.Max(nv, v);
                fv = Vector256.Min(fv, Vector256.ConditionalSelect(Vector256.Equals(v, Vector256<float>.Zero), max, v));
            }

            for (var k = 0; k < 8; k++)
            {
                near = MathF.Max(near, nv.GetElement(k));
                far = MathF.Min(far, fv.GetElement(k));
            }
        }

        for (; i < depth.Length; i++)
        {
            var v = depth[i];
            near = MathF.Max(near, v);
            if (v > 0)
            {
                far = MathF.Min(far, v);
            }
        }

        return (near, far);
    }

    /// <summary>
    /// Projects every mesh once per frame: each vertex to pixels and 1/w with its outcode, back faces culled with the
    /// triangle's object-space plane against the eye, triangles outside the frustum or between pixel centres dropped
    /// before setup, and wireframe edges kept only where they are drawn and may reach the screen.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SetUp(CameraPose camera, ScenePose pose, RenderPass pass, int width, int height, byte[]? labelOfObject = null)
    {
        _triangleCount = 0;
        _lineCount = 0;
        _geometry.Pose(pose);
        var viewProjection = camera.ViewProjection;
        var frame = new Projector(width, height, camera.Near, camera.Far);
        for (var o = 0; o < _geometry.Count; o++)
        {
            var mesh = _geometry[o];
            if (mesh is null)
            {
                continue;
            }

            var subject = pose.Objects[o].Subject;
            var world = pose.Objects[o].World;
            if (!InFrustum(mesh, world, viewProjection) || !Matrix4x4.Invert(world, out var toObject))
            {
                continue;
            }

            var modelViewProjection = world * viewProjection;
            var vertexCount = mesh.Positions.Length;
            if (_screen.Length < vertexCount)
            {
                _screen = new Vector3[vertexCount];
                _outside = new byte[vertexCount];
            }

            ProjectVertices(mesh.Positions, modelViewProjection, in frame, _screen, _outside);

            if (_front.Length < mesh.TriangleCount)
            {
                _front = new bool[mesh.TriangleCount];
            }

            // Facing the eye: the sign of the object-space plane at the eye (a mirroring transform flips both sides alike).
            var eye = Vector3.Transform(camera.Position, toObject);
            var normalToWorld = Matrix4x4.Transpose(toObject);
            var albedo = new Vector3(subject.Color.R, subject.Color.G, subject.Color.B);
            CullAndSetUp(mesh, eye, normalToWorld, modelViewProjection, pass, albedo, labelOfObject is null ? 0u : labelOfObject[o], in frame);
            if (pass == RenderPass.Wireframe)
            {
                var tint = PackedColor.FromRgb(Vector3.Lerp(albedo, Vector3.One, 0.55f));
                var positions = mesh.Positions;
                foreach (ref readonly var e in mesh.Edges.AsSpan())
                {
                    var left = _front[e.Left];
                    var right = e.Right >= 0 ? _front[e.Right] : left;
                    var draw = e.Right < 0 || (e.Feature && (left || right)) || left != right;
                    if (!draw)
                    {
                        continue;
                    }

                    // Lines are not cut at the far plane (the depth test keeps them honest), only at the sides and near.
                    int oa = _outside[e.A], ob = _outside[e.B];
                    if ((oa & ob & ~OutsideFar) != 0)
                    {
                        continue;
                    }

                    if (((oa | ob) & OutsideNear) == 0)
                    {
                        AddLine(_screen[e.A], _screen[e.B], tint, 1f, 0f);
                    }
                    else
                    {
                        EmitLine(in frame, Vector4.Transform(positions[e.A], modelViewProjection), Vector4.Transform(positions[e.B], modelViewProjection), tint, 1f, 0f);
                    }
                }
            }
        }

        if (pass == RenderPass.Wireframe)
        {
            var gridColour = PackedColor.FromRgb(GridColour);
            foreach (var (a, b) in _grid)
            {
                EmitLine(in frame, Vector4.Transform(a, viewProjection), Vector4.Transform(b, viewProjection), gridColour, 0.22f, _gridFade);
            }
        }
    }

    /// <summary>
    /// Back faces of closed meshes, triangles wholly outside one side of the frustum and triangles that cover no pixel
    /// centre are dropped before setup; the rest become <see cref="ScreenTriangle"/>s. Records which triangles face the eye.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CullAndSetUp(MeshGeometry mesh, Vector3 eye, Matrix4x4 normalToWorld, Matrix4x4 modelViewProjection, RenderPass pass, Vector3 albedo, uint flat, in Projector frame)
    {
        var tris = mesh.Triangles;
        var planes = mesh.Planes;
        var closed = mesh.Closed;
        var shaded = pass == RenderPass.Shaded;
        var tints = shaded ? mesh.TriangleColors : null;
        var front = _front;
        var outside = _outside;
        var screen = _screen;
        var width = frame.Width;
        var height = frame.Height;
        var count = _triangleCount;
        var output = _triangles;
        for (var t = 0; t < planes.Length; t++)
        {
            var plane = planes[t];
            var facing = (plane.X * eye.X) + (plane.Y * eye.Y) + (plane.Z * eye.Z) + plane.W > 0;
            front[t] = facing;
            if (!facing && closed)
            {
                continue;
            }

            int a = tris[3 * t], b = tris[(3 * t) + 1], c = tris[(3 * t) + 2];
            int oa = outside[a], ob = outside[b], oc = outside[c];
            if ((oa & ob & oc) != 0)
            {
                continue;
            }

            if (((oa | ob | oc) & OutsideNear) != 0)
            {
                _triangleCount = count;
                var positions = mesh.Positions;
                EmitTriangle(
                    in frame,
                    Vector4.Transform(positions[a], modelViewProjection),
                    Vector4.Transform(positions[b], modelViewProjection),
                    Vector4.Transform(positions[c], modelViewProjection),
                    shaded ? Shade(Vector3.TransformNormal(new Vector3(plane.X, plane.Y, plane.Z), normalToWorld), facing, tints is null ? albedo : albedo * tints[t]) : flat);
                count = _triangleCount;
                output = _triangles;
                continue;
            }

            Vector3 pa = screen[a], pb = screen[b], pc = screen[c];
            // A pixel centre (i + 0.5) lies in [min, max] only when ceil(min - 0.5) <= floor(max - 0.5): most triangles
            // of a dense mesh far away cover none and cost nothing more.
            if (MathF.Ceiling(MathF.Min(pa.X, MathF.Min(pb.X, pc.X)) - 0.5f) > MathF.Floor(MathF.Max(pa.X, MathF.Max(pb.X, pc.X)) - 0.5f)
                || MathF.Ceiling(MathF.Min(pa.Y, MathF.Min(pb.Y, pc.Y)) - 0.5f) > MathF.Floor(MathF.Max(pa.Y, MathF.Max(pb.Y, pc.Y)) - 0.5f))
            {
                continue;
            }

            if (count == output.Length)
            {
                Array.Resize(ref _triangles, output.Length * 2);
                output = _triangles;
            }

            // Shaded only now: the many triangles of a distant character that cover no pixel centre never pay for it.
            var colour = shaded ? Shade(Vector3.TransformNormal(new Vector3(plane.X, plane.Y, plane.Z), normalToWorld), facing, tints is null ? albedo : albedo * tints[t]) : flat;
            if (output[count].Set(pa.X, pa.Y, pa.Z, pb.X, pb.Y, pb.Z, pc.X, pc.Y, pc.Z, width, height, colour))
            {
                count++;
            }
        }

        _triangleCount = count;
    }

    /// <summary>Pixel x, y and 1/w of each vertex in front of the near plane, and for every vertex the frustum sides it lies beyond.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ProjectVertices(Vector3[] positions, Matrix4x4 modelViewProjection, in Projector frame, Vector3[] screen, byte[] outside)
    {
        float near = frame.Near, far = frame.Far, halfWidth = 0.5f * frame.Width, halfHeight = 0.5f * frame.Height;
        for (var v = 0; v < positions.Length; v++)
        {
            var c = Vector4.Transform(positions[v], modelViewProjection);
            var code = (c.X > c.W ? 1 : 0) | (c.X < -c.W ? 2 : 0) | (c.Y > c.W ? 4 : 0) | (c.Y < -c.W ? 8 : 0)
                | (c.W < near ? OutsideNear : 0) | (c.W > far ? OutsideFar : 0);
            outside[v] = (byte)code;
            if (c.W >= near)
            {
                var iw = 1f / c.W;
                screen[v] = new Vector3(((c.X * iw) + 1f) * halfWidth, (1f - (c.Y * iw)) * halfHeight, iw);
            }
        }
    }

    /// <summary>
    /// Groups triangles and lines by the bands of rows they touch (each keeps its order), so a band visits only its
    /// own instead of every one in the frame.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Bin(int bands, int height)
    {
        if (_triangleBandStarts.Length != bands + 1 || _rowBand.Length != height)
        {
            _triangleBandStarts = new int[bands + 1];
            _lineBandStarts = new int[bands + 1];
            _rowBand = new int[height];
            for (var row = 0; row < height; row++)
            {
                _rowBand[row] = (int)(((((long)row + 1) * bands) - 1) / height);
            }
        }

        var rowBand = _rowBand;

        // Counts per band, then start offsets, then the indices in order.
        var starts = _triangleBandStarts.AsSpan();
        starts.Clear();
        var triangles = _triangles.AsSpan(0, _triangleCount);
        foreach (ref readonly var t in triangles)
        {
            for (int b = rowBand[t.RowStart], last = rowBand[t.RowEnd - 1]; b <= last; b++)
            {
                starts[b + 1]++;
            }
        }

        Offsets(starts, ref _triangleBands);
        if (_binCursor.Length != bands)
        {
            _binCursor = new int[bands];
        }

        var next = _binCursor;
        starts[..bands].CopyTo(next);
        for (var i = 0; i < triangles.Length; i++)
        {
            for (int b = rowBand[triangles[i].RowStart], last = rowBand[triangles[i].RowEnd - 1]; b <= last; b++)
            {
                _triangleBands[next[b]++] = i;
            }
        }

        starts = _lineBandStarts.AsSpan();
        starts.Clear();
        var lines = _lines.AsSpan(0, _lineCount);
        foreach (ref readonly var line in lines)
        {
            var (first, last) = LineBands(in line, rowBand);
            for (var b = first; b <= last; b++)
            {
                starts[b + 1]++;
            }
        }

        Offsets(starts, ref _lineBands);
        starts[..bands].CopyTo(next);
        for (var i = 0; i < lines.Length; i++)
        {
            var (first, last) = LineBands(in lines[i], rowBand);
            for (var b = first; b <= last; b++)
            {
                _lineBands[next[b]++] = i;
            }
        }
    }

    /// <summary>Turns counts at [b + 1] into start offsets at [b] (and the total at the end); sizes the index list.</summary>
    private static void Offsets(Span<int> starts, ref int[] indices)
    {
        for (var b = 1; b < starts.Length; b++)
        {
            starts[b] += starts[b - 1];
        }

        var total = starts[^1];
        if (indices.Length < total)
        {
            indices = new int[Math.Max(total, indices.Length * 2)];
        }
    }

    /// <summary>The bands a line may draw into: its rows with two rows of margin for anti-aliasing (the rasterizer clips exactly).</summary>
    private static (int First, int Last) LineBands(in ScreenLine line, int[] rowBand)
    {
        var last = rowBand.Length - 1;
        var top = Math.Clamp(MathF.Min(line.Y0, line.Y1) - 2f, 0f, last);
        var bottom = Math.Clamp(MathF.Max(line.Y0, line.Y1) + 2f, 0f, last);
        return (rowBand[(int)top], rowBand[(int)bottom]);
    }

    private uint Shade(Vector3 normal, bool front, Vector3 albedo)
    {
        if (!(normal.LengthSquared() > 0))
        {
            // A triangle a deformation squashed flat has no normal: ambient light only.
            return PackedColor.FromRgb(albedo * _ambient);
        }

        var n = Vector3.Normalize(front ? normal : -normal);
        var lambert = MathF.Max(0f, Vector3.Dot(n, _sun));
        // Ambient a little stronger on faces that look up at the sky.
        var light = (_ambient * (0.8f + (0.2f * n.Y))) + (_sunIntensity * lambert);
        return PackedColor.FromRgb(albedo * light);
    }

    /// <summary>False when the mesh's bounding sphere lies wholly outside one side of the view frustum.</summary>
    private static bool InFrustum(MeshGeometry mesh, Matrix4x4 world, Matrix4x4 viewProjection)
    {
        var scale = MathF.Sqrt(MathF.Max(
            MathF.Max(new Vector3(world.M11, world.M12, world.M13).LengthSquared(), new Vector3(world.M21, world.M22, world.M23).LengthSquared()),
            new Vector3(world.M31, world.M32, world.M33).LengthSquared()));
        var radius = mesh.Radius * scale;
        // Planes of the clip volume from the rows of the view-projection matrix (Gribb–Hartmann), normalised.
        Span<Vector4> planes =
        [
            Column(viewProjection, 3) + Column(viewProjection, 0),
            Column(viewProjection, 3) - Column(viewProjection, 0),
            Column(viewProjection, 3) + Column(viewProjection, 1),
            Column(viewProjection, 3) - Column(viewProjection, 1),
            Column(viewProjection, 2),
        ];
        var centre = Vector3.Transform(mesh.Centre, world);
        foreach (var p in planes)
        {
            var n = new Vector3(p.X, p.Y, p.Z);
            var len = n.Length();
            if (len > 0 && (Vector3.Dot(n, centre) + p.W) / len < -radius)
            {
                return false;
            }
        }

        return true;
    }

    private static Vector4 Column(Matrix4x4 m, int i) => i switch
    {
        0 => new Vector4(m.M11, m.M21, m.M31, m.M41),
        1 => new Vector4(m.M12, m.M22, m.M32, m.M42),
        2 => new Vector4(m.M13, m.M23, m.M33, m.M43),
        _ => new Vector4(m.M14, m.M24, m.M34, m.M44),
    };

    private void EmitTriangle(in Projector frame, Vector4 a, Vector4 b, Vector4 c, uint colour)
    {
        // Wholly outside one side of the frustum: nothing to draw.
        if ((a.X > a.W && b.X > b.W && c.X > c.W) || (a.X < -a.W && b.X < -b.W && c.X < -c.W)
            || (a.Y > a.W && b.Y > b.W && c.Y > c.W) || (a.Y < -a.W && b.Y < -b.W && c.Y < -c.W))
        {
            return;
        }

        var near = frame.Near;
        var inA = a.W >= near;
        var inB = b.W >= near;
        var inC = c.W >= near;
        if (inA && inB && inC)
        {
            if (a.W > frame.Far && b.W > frame.Far && c.W > frame.Far)
            {
                return;
            }

            AddTriangle(in frame, a, b, c, colour);
            return;
        }

        if (!inA && !inB && !inC)
        {
            return;
        }

        // Sutherland–Hodgman against the near plane (w = near): a triangle becomes one or two.
        Span<Vector4> input = [a, b, c];
        Span<Vector4> poly = stackalloc Vector4[4];
        var count = 0;
        for (var i = 0; i < 3; i++)
        {
            var p = input[i];
            var q = input[(i + 1) % 3];
            var pIn = p.W >= near;
            var qIn = q.W >= near;
            if (pIn)
            {
                poly[count++] = p;
            }

            if (pIn != qIn)
            {
                poly[count++] = Vector4.Lerp(p, q, (near - p.W) / (q.W - p.W));
            }
        }

        for (var i = 1; i + 1 < count; i++)
        {
            AddTriangle(in frame, poly[0], poly[i], poly[i + 1], colour);
        }
    }

    private void AddTriangle(in Projector frame, Vector4 a, Vector4 b, Vector4 c, uint colour) =>
        AddProjected(in frame, frame.Project(a), frame.Project(b), frame.Project(c), colour);

    /// <summary>Sets up a triangle of pixel x, y and 1/w corners, unless no pixel centre lies within its bounds.</summary>
    private void AddProjected(in Projector frame, Vector3 pa, Vector3 pb, Vector3 pc, uint colour)
    {
        // A pixel centre (i + 0.5) lies in [min, max] only when ceil(min - 0.5) <= floor(max - 0.5); most triangles of
        // a dense mesh far away cover none and cost nothing more.
        var minX = MathF.Min(pa.X, MathF.Min(pb.X, pc.X));
        var maxX = MathF.Max(pa.X, MathF.Max(pb.X, pc.X));
        var minY = MathF.Min(pa.Y, MathF.Min(pb.Y, pc.Y));
        var maxY = MathF.Max(pa.Y, MathF.Max(pb.Y, pc.Y));
        if (MathF.Ceiling(minX - 0.5f) > MathF.Floor(maxX - 0.5f) || MathF.Ceiling(minY - 0.5f) > MathF.Floor(maxY - 0.5f))
        {
            return;
        }

        if (_triangleCount == _triangles.Length)
        {
            Array.Resize(ref _triangles, _triangles.Length * 2);
        }

        if (_triangles[_triangleCount].Set(pa.X, pa.Y, pa.Z, pb.X, pb.Y, pb.Z, pc.X, pc.Y, pc.Z, frame.Width, frame.Height, colour))
        {
            _triangleCount++;
        }
    }

    private void EmitLine(in Projector frame, Vector4 a, Vector4 b, uint colour, float strength, float fade)
    {
        if ((a.X > a.W && b.X > b.W) || (a.X < -a.W && b.X < -b.W) || (a.Y > a.W && b.Y > b.W) || (a.Y < -a.W && b.Y < -b.W))
        {
            return;
        }

        var near = frame.Near;
        if (a.W < near && b.W < near)
        {
            return;
        }

        if (a.W < near)
        {
            a = Vector4.Lerp(a, b, (near - a.W) / (b.W - a.W));
        }
        else if (b.W < near)
        {
            b = Vector4.Lerp(b, a, (near - b.W) / (a.W - b.W));
        }

        AddLine(frame.Project(a), frame.Project(b), colour, strength, fade);
    }

    private void AddLine(Vector3 pa, Vector3 pb, uint colour, float strength, float fade)
    {
        if (_lineCount == _lines.Length)
        {
            Array.Resize(ref _lines, _lines.Length * 2);
        }

        ref var line = ref _lines[_lineCount++];
        line.X0 = pa.X;
        line.Y0 = pa.Y;
        line.Z0 = pa.Z;
        line.X1 = pb.X;
        line.Y1 = pb.Y;
        line.Z1 = pb.Z;
        line.Colour = colour;
        line.Strength = strength;
        line.FadeDistance = fade;
    }

    /// <summary>Grid lines on y = 0 over the scene's extent at its first instant, with a round spacing.</summary>
    private ((Vector3 A, Vector3 B)[] Lines, float Fade) BuildGrid()
    {
        var pose = _sampler.SampleObjects(Scene.Shots.Count > 0 ? Scene.Shots[0].Start : 0);
        var extent = 10f;
        for (var i = 0; i < pose.Objects.Count; i++)
        {
            var mesh = _geometry[i];
            var p = pose.Objects[i].World.Translation;
            var r = mesh?.Radius ?? 0;
            extent = MathF.Max(extent, MathF.Max(MathF.Abs(p.X), MathF.Abs(p.Z)) + r);
        }

        var spacing = 1f;
        foreach (var candidate in (ReadOnlySpan<float>)[1f, 2f, 5f, 10f, 20f, 50f, 100f, 200f, 500f, 1000f])
        {
            spacing = candidate;
            if (extent / candidate <= 12)
            {
                break;
            }
        }

        // At most 12 cells each side, as the spacing gives every scene up to 12 km across: a mesh whose vertices are
        // far off (1e30, a damaged file) would otherwise ask for billions of lines, or, past float precision, a loop
        // whose step no longer moves it.
        var half = MathF.Min(MathF.Ceiling(extent / spacing), 12) * spacing;
        var lines = new List<(Vector3, Vector3)>();
        for (var v = -half; v <= half + (spacing / 2); v += spacing)
        {
            lines.Add((new Vector3(v, 0, -half), new Vector3(v, 0, half)));
            lines.Add((new Vector3(-half, 0, v), new Vector3(half, 0, v)));
        }

        // Lines fade beyond a few grid cells' distance so they do not shimmer near the horizon.
        return ([.. lines], spacing * 8f);
    }

    /// <summary>Clip space → pixel x, y (y down) and 1/w.</summary>
    private readonly struct Projector(int width, int height, float near, float far)
    {
        public int Width { get; } = width;

        public int Height { get; } = height;

        public float Near { get; } = near;

        public float Far { get; } = far;

        public Vector3 Project(Vector4 clip)
        {
            var iw = 1f / clip.W;
            return new Vector3(((clip.X * iw) + 1f) * 0.5f * Width, (1f - (clip.Y * iw)) * 0.5f * Height, iw);
        }
    }
}
