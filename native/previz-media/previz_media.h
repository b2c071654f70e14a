/*
 * previz-media: a few flat functions over FFmpeg's libraries (libavformat, libavcodec, libswscale), so Previz
 * probes, remuxes and makes posters in its own process instead of launching ffprobe/ffmpeg, whose start-up alone
 * (two hundred shared libraries) costs more CPU than the work on a short clip.
 *
 * Only plain C types cross this boundary. Every call owns its own FFmpeg contexts and frees them before returning,
 * so calls may run on several threads at once. FFmpeg's log is silenced; a failure comes back as a negative code and
 * a message in the caller's buffer. Each call takes `cancel` (may be NULL): setting *cancel to non-zero from another
 * thread stops the call at the next packet with PVM_CANCELLED.
 */
#ifndef PREVIZ_MEDIA_H
#define PREVIZ_MEDIA_H

#ifdef __cplusplus
extern "C" {
#endif

#define PVM_OK 0
#define PVM_ERROR (-1)
/* The file opened but has no video stream. */
#define PVM_NO_VIDEO (-2)
/* *cancel became non-zero: the call stopped between two packets. */
#define PVM_CANCELLED (-3)

/* What ffprobe -count_frames reports about the first video stream. 176 bytes; C# mirrors it field by field. */
typedef struct pvm_video_info {
    char codec[64];          /* codec descriptor name, e.g. "h264"; "unknown" when FFmpeg has none */
    char pixel_format[64];   /* e.g. "yuv420p"; "unknown" when not known */
    int width;
    int height;
    int avg_frame_rate_num;  /* 0/0 when unknown, as ffprobe prints it */
    int avg_frame_rate_den;
    int r_frame_rate_num;
    int r_frame_rate_den;
    long long frames_decoded; /* every frame the decoder put out, as ffprobe's nb_read_frames */
    double stream_duration;  /* seconds, rounded to 6 decimals as ffprobe prints them; NaN when unknown */
    double format_duration;  /* the container's duration, the same way; NaN when unknown */
} pvm_video_info;

/* "previz-media N (Lavf…, Lavc…, Lavu…, SwS…)": the shim's and the loaded libraries' versions. */
const char *pvm_version(void);

/* sizeof(pvm_video_info), so a caller can check that its copy of the struct has the same layout. */
int pvm_video_info_size(void);

/* Reads the first video stream and decodes every frame of it (ffprobe -count_frames -select_streams v:0). An MP4 whose
 * header gives the stream's codec, size, start and frame rates is read from that header, and its pixel format from the
 * probe's own decoding, instead of decoding the first frames once more for the stream info as ffprobe does: the same
 * figures, with 14 ms less CPU on a 1080p clip. */
int pvm_probe(const char *path, pvm_video_info *info, const int *cancel, char *error, int error_size);

/* Like pvm_probe, but reads the packets without decoding them after the first frame (ffprobe -count_packets, and one
 * frame decoded): frames_decoded is the number of packets shown (an edit list's discarded pre-roll not counted), or 0
 * when the first frame does not decode. A read error, or fewer packets than the container's index lists (a cut-off
 * download), fails the call. A few times cheaper than decoding every frame. */
int pvm_probe_packets(const char *path, pvm_video_info *info, const int *cancel, char *error, int error_size);

/* Like pvm_probe_packets, but decodes nothing: for a stream copy of packets whose first frame was seen to decode
 * already. frames_decoded is the number of packets shown. An MP4/MOV is read from its header alone, without the
 * decoding ffprobe does to fill in its stream info: its pixel_format is then "unknown". */
int pvm_count_packets(const char *path, pvm_video_info *info, const int *cancel, char *error, int error_size);

/* Copies the first video and first audio stream (if any) into an MP4, moov first when faststart is non-zero
 * (ffmpeg -i in -map 0:v:0 -map 0:a:0? -c copy [-movflags +faststart] -f mp4 out). */
int pvm_remux(const char *input, const char *output, int faststart, const int *cancel, char *error, int error_size);

/* Writes the frame shown at `seconds` (the last one when the clip is shorter) as a JPEG at most max_width wide, the
 * height keeping the aspect ratio and even, never upscaled; quality as ffmpeg's -q:v (2 best … 31 worst). Like
 * ffmpeg -ss T -i in -frames:v 1 -vf "scale='min(W,iw)':-2" -q:v Q out.jpg. */
int pvm_poster(const char *input, const char *output_jpeg, double seconds, int max_width, int quality,
               const int *cancel, char *error, int error_size);

#ifdef __cplusplus
}
#endif

#endif
