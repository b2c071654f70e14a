# Builds the rigged-character fixture: a tube body with an arm, skinned to a four-bone armature with automatic weights,
# two actions ("wave", "bow") exported as two glTF animations, and Workbench frames 1, 12 and 24 of each action.
# Run from this folder:  blender -b --factory-startup --python make_character.py
# Writes character.glb and <clip>_NNNN.png (960x540, flat unlit red on black).
import math
import os

import bpy
from mathutils import Euler, Vector

HERE = os.path.dirname(os.path.abspath(__file__))
FRAMES = [1, 12, 24]

bpy.ops.wm.read_factory_settings(use_empty=True)
scene = bpy.context.scene
scene.render.fps = 24
scene.frame_start = 1
scene.frame_end = 24
scene.render.resolution_x = 960
scene.render.resolution_y = 540
scene.render.resolution_percentage = 100


def tube(start, end, radius, rings, segments, verts, faces):
    """A closed tube from start to end (rings along it, fans at the ends), appended to verts/faces."""
    start, end = Vector(start), Vector(end)
    axis = (end - start).normalized()
    side = Vector((0, 0, 1)) if abs(axis.z) < 0.9 else Vector((1, 0, 0))
    u = axis.cross(side).normalized()
    v = axis.cross(u).normalized()
    base = len(verts)
    for r in range(rings + 1):
        centre = start.lerp(end, r / rings)
        for s in range(segments):
            a = 2 * math.pi * s / segments
            verts.append(tuple(centre + radius * (math.cos(a) * u + math.sin(a) * v)))
    for r in range(rings):
        for s in range(segments):
            a = base + r * segments + s
            b = base + r * segments + (s + 1) % segments
            faces.append((a, b, b + segments, a + segments))
    bottom = len(verts)
    verts.append(tuple(start))
    top = len(verts)
    verts.append(tuple(end))
    for s in range(segments):
        faces.append((bottom, base + (s + 1) % segments, base + s))
        last = base + rings * segments
        faces.append((top, last + s, last + (s + 1) % segments))


verts, faces = [], []
tube((0, 0, 0.0), (0, 0, 2.0), 0.3, 20, 24, verts, faces)
tube((0.25, 0, 1.5), (1.3, 0, 1.5), 0.12, 12, 16, verts, faces)
mesh = bpy.data.meshes.new("Body")
mesh.from_pydata(verts, [], faces)
mesh.validate()
body = bpy.data.objects.new("Body", mesh)
scene.collection.objects.link(body)
mat = bpy.data.materials.new("BodyPaint")
mat.use_nodes = True
mat.node_tree.nodes["Principled BSDF"].inputs["Base Color"].default_value = (1.0, 0.0, 0.0, 1.0)
mat.diffuse_color = (1.0, 0.0, 0.0, 1.0)
mesh.materials.append(mat)

arm_data = bpy.data.armatures.new("Rig")
rig = bpy.data.objects.new("Rig", arm_data)
scene.collection.objects.link(rig)
bpy.context.view_layer.objects.active = rig
bpy.ops.object.mode_set(mode="EDIT")
bones = {}
for name, head, tail, parent in [
    ("Root", (0, 0, 0), (0, 0, 0.8), None),
    ("Spine", (0, 0, 0.8), (0, 0, 1.6), "Root"),
    ("Head", (0, 0, 1.6), (0, 0, 2.0), "Spine"),
    ("Arm", (0.3, 0, 1.5), (1.3, 0, 1.5), "Spine"),
]:
    b = arm_data.edit_bones.new(name)
    b.head, b.tail = head, tail
    if parent:
        b.parent = bones[parent]
        b.use_connect = name != "Arm"
    bones[name] = b
bpy.ops.object.mode_set(mode="OBJECT")

# Skin the body with Blender's automatic (heat) weights.
bpy.ops.object.select_all(action="DESELECT")
body.select_set(True)
rig.select_set(True)
bpy.context.view_layer.objects.active = rig
bpy.ops.object.parent_set(type="ARMATURE_AUTO")


def action(name, keys):
    """keys: {bone: [(frame, (x, y, z) degrees)]}; quaternion keys so glTF plays them as Blender shows them."""
    act = bpy.data.actions.new(name)
    rig.animation_data_create()
    rig.animation_data.action = act
    # Every bone is keyed in every action: a bone an action leaves out would keep whatever pose the last one gave it
    # in Blender's frames, but not in the exported clip.
    for pb in rig.pose.bones:
        keys.setdefault(pb.name, [(1, (0, 0, 0))])
    for bone, frames in keys.items():
        pb = rig.pose.bones[bone]
        pb.rotation_mode = "QUATERNION"
        for frame, degrees in frames:
            pb.rotation_quaternion = Euler([math.radians(d) for d in degrees], "XYZ").to_quaternion()
            pb.keyframe_insert("rotation_quaternion", frame=frame)
    for pb in rig.pose.bones:
        pb.rotation_quaternion = (1, 0, 0, 0)
    track = rig.animation_data.nla_tracks.new()
    track.name = name
    track.strips.new(name, 1, act)
    rig.animation_data.action = None
    return act


# Bone axes: Y runs along the bone. Arm: X along +X world; rotating about its local Z swings it up/down.
wave = action("wave", {
    "Arm": [(1, (0, 0, 0)), (12, (0, 0, 70)), (24, (0, 0, 20))],
    "Spine": [(1, (0, 0, 0)), (12, (0, 0, 0)), (24, (0, 0, 15))],
})
bow = action("bow", {
    "Spine": [(1, (0, 0, 0)), (12, (40, 0, 0)), (24, (60, 0, 0))],
    "Head": [(1, (0, 0, 0)), (24, (35, 0, 0))],
    "Root": [(1, (0, 0, 0)), (24, (0, 45, 0))],
})

cam_data = bpy.data.cameras.new("ShotCam")
cam_data.lens = 35.0
cam_data.sensor_width = 36.0
cam_data.clip_start = 0.1
cam_data.clip_end = 100.0
cam = bpy.data.objects.new("ShotCam", cam_data)
scene.collection.objects.link(cam)
scene.camera = cam
cam.location = (3.5, -6.0, 2.0)
look = Vector((0.4, 0.0, 1.1)) - cam.location
cam.rotation_mode = "QUATERNION"
cam.rotation_quaternion = look.to_track_quat("-Z", "Y")

bpy.ops.export_scene.gltf(filepath=os.path.join(HERE, "character.glb"), export_format="GLB", export_cameras=True,
                          export_animations=True, export_nla_strips=True, export_apply=False, export_yup=True,
                          export_skins=True, export_def_bones=False)

scene.render.engine = "BLENDER_WORKBENCH"
scene.display.render_aa = "OFF"
shading = scene.display.shading
shading.light = "FLAT"
shading.color_type = "MATERIAL"
shading.background_type = "WORLD"
shading.show_object_outline = False
shading.show_cavity = False
shading.show_shadows = False
shading.show_specular_highlight = False
world = bpy.data.worlds.new("Black")
world.color = (0.0, 0.0, 0.0)
scene.world = world
scene.view_settings.view_transform = "Standard"
scene.view_settings.look = "None"
scene.render.dither_intensity = 0.0
scene.render.image_settings.file_format = "PNG"
scene.render.image_settings.color_mode = "RGB"
scene.render.image_settings.compression = 100
for track in rig.animation_data.nla_tracks:
    track.mute = True
for act in (wave, bow):
    rig.animation_data.action = act
    for f in FRAMES:
        scene.frame_set(f)
        scene.render.filepath = os.path.join(HERE, "%s_%04d.png" % (act.name, f))
        bpy.ops.render.render(write_still=True)
