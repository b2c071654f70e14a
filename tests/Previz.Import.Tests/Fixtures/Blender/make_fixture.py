# Builds the Blender agreement fixture: an animated camera and animated objects with flat, distinct colours.
# Run from this folder:  blender -b --factory-startup --python make_fixture.py
# Writes animated_scene.glb (sampled), curves_scene.glb (CUBICSPLINE/STEP keys) and frame_NNNN.png (Workbench, 1280x720, flat unlit colours on black).
import math
import os

import bpy
from mathutils import Euler

HERE = os.path.dirname(os.path.abspath(__file__))
FRAMES = [1, 13, 30, 48]

bpy.ops.wm.read_factory_settings(use_empty=True)
scene = bpy.context.scene
scene.render.fps = 24
scene.frame_start = 1
scene.frame_end = 48
scene.render.resolution_x = 1280
scene.render.resolution_y = 720
scene.render.resolution_percentage = 100


def material(name, rgba):
    mat = bpy.data.materials.new(name)
    mat.use_nodes = True
    mat.node_tree.nodes["Principled BSDF"].inputs["Base Color"].default_value = rgba
    mat.diffuse_color = rgba  # what Workbench shows with color_type MATERIAL
    return mat


def key_rotation(obj, euler_degrees, frame):
    # Quaternion rotation mode: Blender then blends the four components of Bezier keys and normalises, which is what
    # glTF's CUBICSPLINE rotation does, so the curves export plays back exactly as Blender shows it.
    obj.rotation_mode = "QUATERNION"
    obj.rotation_quaternion = Euler([math.radians(a) for a in euler_degrees], "XYZ").to_quaternion()
    obj.keyframe_insert("rotation_quaternion", frame=frame)


def finish(obj, name, rgba):
    obj.name = name
    obj.data.materials.append(material(name + "Paint", rgba))
    return obj


# A crate that slides across the frame.
bpy.ops.mesh.primitive_cube_add(size=1.0, location=(-3.0, 0.5, 0.0))
crate = finish(bpy.context.object, "Crate", (1.0, 0.0, 0.0, 1.0))
crate.scale = (1.6, 1.0, 1.0)
crate.keyframe_insert("location", frame=1)
crate.location = (1.5, 0.5, -1.0)
crate.keyframe_insert("location", frame=48)

# An empty rig that turns, carrying a ball on an arm (node without a mesh in the hierarchy).
rig = bpy.data.objects.new("Rig", None)
scene.collection.objects.link(rig)
rig.location = (1.5, 0.0, 2.5)
key_rotation(rig, (0, 0, 0), 1)
key_rotation(rig, (0, 0, 150), 48)
bpy.ops.mesh.primitive_uv_sphere_add(radius=0.6, segments=24, ring_count=12, location=(0.0, 0.0, 0.0))
ball = finish(bpy.context.object, "Ball", (0.0, 1.0, 0.0, 1.0))
ball.parent = rig
ball.location = (1.8, 0.0, 0.6)

# A cone that grows and leans.
bpy.ops.mesh.primitive_cone_add(radius1=0.7, depth=1.8, vertices=24, location=(-1.5, 3.0, 0.9))
cone = finish(bpy.context.object, "Cone", (0.0, 0.2, 1.0, 1.0))
cone.keyframe_insert("scale", frame=1)
key_rotation(cone, (0, 0, 0), 1)
cone.scale = (1.3, 1.3, 1.6)
cone.keyframe_insert("scale", frame=48)
key_rotation(cone, (20, 0, 0), 48)
for fcurve in cone.animation_data.action.fcurves:
    if fcurve.data_path == "scale":
        for key in fcurve.keyframe_points:
            key.interpolation = "CONSTANT"  # exported as STEP when not sampled

# A static pillar with a rest rotation and non-uniform scale; a child mesh sits on top of it.
bpy.ops.mesh.primitive_cylinder_add(radius=0.4, depth=2.0, vertices=24, location=(3.5, 3.5, 1.0))
pillar = finish(bpy.context.object, "Pillar", (1.0, 1.0, 0.0, 1.0))
pillar.rotation_euler = (0.0, math.radians(10), math.radians(30))
pillar.scale = (1.0, 1.5, 1.0)
bpy.ops.mesh.primitive_cube_add(size=0.6, location=(0.0, 0.0, 0.0))
cap = finish(bpy.context.object, "Cap", (1.0, 0.0, 1.0, 1.0))
cap.parent = pillar
cap.location = (0.0, 0.0, 1.3)

# The camera dollies and pans.
cam_data = bpy.data.cameras.new("ShotCam")
cam_data.lens = 30.0
cam_data.sensor_width = 36.0
cam_data.clip_start = 0.1
cam_data.clip_end = 200.0
cam = bpy.data.objects.new("ShotCam", cam_data)
scene.collection.objects.link(cam)
scene.camera = cam
cam.location = (0.0, -11.0, 4.0)
cam.keyframe_insert("location", frame=1)
key_rotation(cam, (75, 0, -8), 1)
cam.location = (4.0, -9.0, 5.0)
cam.keyframe_insert("location", frame=48)
key_rotation(cam, (68, 0, 18), 48)

common = dict(export_format="GLB", export_cameras=True, export_animations=True, export_apply=False, export_yup=True)
# What most users export: every animated property sampled once per frame (LINEAR keys).
bpy.ops.export_scene.gltf(filepath=os.path.join(HERE, "animated_scene.glb"), **common)
# The F-curves as they are: Bezier keys become CUBICSPLINE, constant keys STEP.
bpy.ops.export_scene.gltf(filepath=os.path.join(HERE, "curves_scene.glb"), export_force_sampling=False, **common)

# Workbench: flat, unlit material colours, no outlines/shadows/AA, black world, Standard view transform.
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
for f in FRAMES:
    scene.frame_set(f)
    scene.render.filepath = os.path.join(HERE, "frame_%04d.png" % f)
    bpy.ops.render.render(write_still=True)
