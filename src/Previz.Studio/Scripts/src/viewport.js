// The studio's interactive 3D view. Blazor imports this module and drives one viewport per canvas:
// geometry arrives as a GLB (one node per object, flat, identity transform, extras.previzId), and every pose comes from
// .NET's PoseSampler (the sampler Direct Render uses) as world matrices, so what is drawn here is where Direct Render
// draws it. Poses for all of a shot's frames are sent once per edit; playback then runs here, at the shot's fps.
// A deforming mesh (a rigged character) arrives at its bind pose with JOINTS_0/WEIGHTS_0 and morph targets; .NET sends
// its joint matrices (into mesh space) and morph weights per frame, sampled by the poser Direct Render's deformer runs,
// and three.js skins it on the GPU with those matrices as its bones' world matrices.
import * as THREE from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { TransformControls } from 'three/examples/jsm/controls/TransformControls.js';

const OBJECT_FLOATS = 16;
// Camera-to-world matrix, then vertical FOV (radians), near, far, aspect.
const CAMERA_FLOATS = 20;
const GIZMO_MODES = { w: 'translate', e: 'rotate', r: 'scale' };

/**
 * Creates a viewport on a canvas. `frame` is the element the safe-frame overlay is drawn in (the canvas's parent);
 * `dotnet` is a DotNetObjectReference with OnPicked(id, kind), OnTransformed(id, kind, matrix[16]),
 * OnFrame(frame) and OnGizmoMode(mode).
 */
export function createViewport(canvas, frame, dotnet) {
  const renderer = new THREE.WebGLRenderer({ canvas, antialias: true, preserveDrawingBuffer: true });
  renderer.setPixelRatio(1);
  renderer.outputColorSpace = THREE.SRGBColorSpace;
  renderer.setScissorTest(true);

  const scene = new THREE.Scene();
  const background = new THREE.Color(0x1b1e24);
  // The scene's sun and ambient light, as Direct Render's shaded pass uses them (set by setLighting).
  const lighting = {
    previzSun: { value: new THREE.Vector3(0.4, 0.8, 0.45).normalize() },
    previzSunIntensity: { value: 1 },
    previzAmbient: { value: 0.3 },
  };
  // The ground grid lives in a group so it can be rebuilt to fit the scene (fitGrid) while render() toggles one object.
  const grid = new THREE.Group();
  grid.name = 'previz-grid';
  // Just under the ground, so a ground plane at y = 0 hides it instead of fighting it.
  grid.position.y = -0.05;
  scene.add(grid);

  const content = new THREE.Group();
  content.name = 'previz-content';
  scene.add(content);
  const helpers = new THREE.Group();
  scene.add(helpers);

  const freeCamera = new THREE.PerspectiveCamera(50, 16 / 9, 0.05, 5000);
  freeCamera.position.set(12, 9, 16);
  const orbit = new OrbitControls(freeCamera, canvas);
  orbit.enableDamping = false;
  orbit.target.set(0, 1, 0);
  orbit.update();

  const shotCamera = new THREE.PerspectiveCamera(40, 16 / 9, 0.1, 1000);
  shotCamera.matrixAutoUpdate = false;

  // The gizmo moves a proxy placed at the selection's world pose; the final world matrix goes to .NET, which turns it
  // into the object's local transform (or a key) with the same sampler, so parents and animation stay its business.
  const proxy = new THREE.Object3D();
  scene.add(proxy);
  const gizmo = new TransformControls(freeCamera, canvas);
  gizmo.setSpace('world');
  scene.add(gizmo.getHelper());
  // Hidden until something is selected (TransformControls starts visible, drawing its handles at the origin).
  gizmo.detach();

  const selectionBox = new THREE.BoxHelper(undefined, 0xffc53d);
  selectionBox.visible = false;
  scene.add(selectionBox);

  const safeFrame = document.createElement('div');
  safeFrame.className = 'safe-frame';
  safeFrame.setAttribute('aria-hidden', 'true');
  safeFrame.innerHTML = '<div class="safe-action"></div><div class="safe-title"></div>';
  safeFrame.hidden = true;
  frame.appendChild(safeFrame);

  const state = {
    nodes: new Map(), // previzId → Object3D from the GLB
    poses: null, // { frames, fps, objects: Map id → Float32Array, cameras: Map id → Float32Array, deforms: Map id → { joints, morphs, data }, shotCameraId, aspect }
    cameraHelpers: new Map(), // camera id → { camera, helper }
    frame: 0,
    lookThrough: false,
    selected: null, // { id, kind }
    playing: false,
    playStart: 0,
    playFrom: 0,
    needsRender: true,
    disposed: false,
    updates: 0,
    lastUpdateRenderedAt: 0,
    pendingUpdate: false,
    lastReportedFrame: -1,
    lastReportAt: 0,
    renders: 0,
  };

  const pointer = { x: 0, y: 0, down: false };
  // The shot aspect the safe frame was last laid out for.
  const sized = { aspect: 0 };

  function requestRender() {
    state.needsRender = true;
  }

  /**
   * Lays a grid under the scene with about 40 cells across its extent, in steps of 1, 2 or 5 × 10ⁿ metres, as modelling
   * tools do: a 1 m grid under a 160 m stadium is a moiré of lines that software GL spends most of a frame drawing.
   */
  function fitGrid(box) {
    const extent = box.isEmpty() ? 20 : Math.max(20, 2 * Math.max(Math.abs(box.min.x), Math.abs(box.max.x), Math.abs(box.min.z), Math.abs(box.max.z)));
    const raw = extent / 40;
    const power = 10 ** Math.floor(Math.log10(raw));
    const cell = [1, 2, 5, 10].map((m) => m * power).find((step) => step >= raw);
    const divisions = Math.ceil(extent / cell / 2) * 2;
    const key = `${cell}/${divisions}`;
    if (grid.userData.key === key) {
      return;
    }
    grid.userData.key = key;
    for (const child of [...grid.children]) {
      grid.remove(child);
      child.geometry.dispose();
      child.material.dispose();
    }
    const lines = new THREE.GridHelper(divisions * cell, divisions, 0x5a6270, 0x353a44);
    lines.material.transparent = true;
    lines.material.opacity = 0.6;
    grid.add(lines);
  }

  // ---- geometry and poses -------------------------------------------------------------------------------------

  /**
   * Direct Render's shading, per pixel: each triangle flat, its normal turned towards the eye, lit by the scene's sun
   * and an ambient that is a little stronger on faces looking up, all in sRGB values as Direct Render computes them.
   * It is MeshBasicMaterial underneath, so skinning and morphs still work, and it costs software GL a fraction of a
   * lit material: the normal comes from screen-space derivatives of the world position, with no light loop at all.
   */
  function flatShaded(material) {
    if (Array.isArray(material)) {
      return material.map(flatShaded);
    }
    const shaded = new THREE.MeshBasicMaterial({
      color: material.color ? material.color.clone() : new THREE.Color(0xffffff),
      vertexColors: !!material.vertexColors,
      side: material.side,
      transparent: !!material.transparent,
      opacity: material.opacity ?? 1,
    });
    shaded.onBeforeCompile = (shader) => {
      Object.assign(shader.uniforms, lighting);
      shader.vertexShader = shader.vertexShader
        .replace('#include <common>', '#include <common>\nvarying vec3 vPrevizWorld;')
        .replace('#include <project_vertex>', '#include <project_vertex>\n\tvPrevizWorld = (modelMatrix * vec4(transformed, 1.0)).xyz;');
      shader.fragmentShader = shader.fragmentShader
        .replace('#include <common>', '#include <common>\nvarying vec3 vPrevizWorld;\nuniform vec3 previzSun;\nuniform float previzSunIntensity;\nuniform float previzAmbient;')
        .replace('#include <opaque_fragment>', [
          'vec3 previzNormal = normalize(cross(dFdx(vPrevizWorld), dFdy(vPrevizWorld)));',
          'float previzLight = previzAmbient * (0.8 + 0.2 * previzNormal.y) + previzSunIntensity * max(0.0, dot(previzNormal, previzSun));',
          'vec3 previzColour = clamp(sRGBTransferOETF(vec4(outgoingLight, 1.0)).rgb * previzLight, 0.0, 1.0);',
          'outgoingLight = sRGBTransferEOTF(vec4(previzColour, 1.0)).rgb;',
          '#include <opaque_fragment>',
        ].join('\n\t'));
    };
    material.dispose();
    return shaded;
  }

  /** The scene's light: sun direction (towards the sun), its intensity and the ambient level. */
  function setLighting(sun, sunIntensity, ambient) {
    const direction = new THREE.Vector3(sun[0], sun[1], sun[2]);
    lighting.previzSun.value.copy(direction.lengthSq() > 1e-12 ? direction.normalize() : new THREE.Vector3(0, 1, 0));
    lighting.previzSunIntensity.value = sunIntensity;
    lighting.previzAmbient.value = ambient;
    requestRender();
  }

  function loadGeometry(bytes) {
    const copy = bytes.slice();
    return new Promise((resolve, reject) => {
      new GLTFLoader().parse(copy.buffer, '', (gltf) => {
        for (const child of [...content.children]) {
          content.remove(child);
          disposeTree(child);
        }
        state.nodes.clear();
        gltf.scene.traverse((node) => {
          if (node.isMesh) {
            node.material = flatShaded(node.material);
          }
          const id = node.userData && node.userData.previzId;
          if (typeof id === 'string' && !state.nodes.has(id)) {
            state.nodes.set(id, node.isMesh && node.geometry.attributes.skinIndex ? skinned(node) : node);
          }
        });
        for (const [id, node] of state.nodes) {
          node.removeFromParent();
          node.matrixAutoUpdate = false;
          node.userData.previzId = id;
          content.add(node);
        }
        applyFrame();
        reselect();
        requestRender();
        resolve(state.nodes.size);
      }, (error) => reject(new Error(String(error && error.message ? error.message : error))));
    });
  }

  /**
   * A mesh with skin attributes as a SkinnedMesh bound with identity bind matrices (detached): its bones' world matrices
   * are set straight to the joint matrices .NET sends, which already carry the inverse bind and lead into mesh space.
   */
  function skinned(mesh) {
    const skin = new THREE.SkinnedMesh(mesh.geometry, mesh.material);
    skin.name = mesh.name;
    skin.userData = mesh.userData;
    skin.bindMode = THREE.DetachedBindMode;
    // The posed mesh leaves its bind-pose bounds: never cull it by them.
    skin.frustumCulled = false;
    return skin;
  }

  /** Gives a skinned node a skeleton of `joints` bones (kept while the count stays). */
  function skeletonOf(node, joints) {
    if (node.skeleton && node.skeleton.bones.length === joints) {
      return node.skeleton;
    }
    if (node.skeleton) {
      node.skeleton.dispose();
    }
    const bones = [];
    for (let j = 0; j < joints; j++) {
      const bone = new THREE.Bone();
      bone.matrixAutoUpdate = false;
      bone.matrixWorldAutoUpdate = false;
      bones.push(bone);
    }
    node.bind(new THREE.Skeleton(bones, bones.map(() => new THREE.Matrix4())), new THREE.Matrix4());
    return node.skeleton;
  }

  /**
   * meta: { frames, fps, objects: [{ id, animated }], cameras: [{ id, animated }], deforms: [{ id, joints, morphs, animated }],
   * shotCameraId, aspect }; data: float32 bytes.
   */
  function setPoses(meta, bytes) {
    const floats = new Float32Array(bytes.slice().buffer);
    let offset = 0;
    const objects = new Map();
    for (const o of meta.objects) {
      const length = OBJECT_FLOATS * (o.animated ? meta.frames : 1);
      objects.set(o.id, floats.subarray(offset, offset + length));
      offset += length;
    }
    const cameras = new Map();
    for (const c of meta.cameras) {
      const length = CAMERA_FLOATS * (c.animated ? meta.frames : 1);
      cameras.set(c.id, floats.subarray(offset, offset + length));
      offset += length;
    }
    const deforms = new Map();
    for (const d of meta.deforms || []) {
      const size = 16 * d.joints + d.morphs;
      const length = size * (d.animated ? meta.frames : 1);
      deforms.set(d.id, { joints: d.joints, morphs: d.morphs, size, data: floats.subarray(offset, offset + length) });
      offset += length;
    }
    if (offset !== floats.length) {
      throw new Error(`pose data holds ${floats.length} floats, the layout ${offset}`);
    }
    state.poses = { frames: Math.max(1, meta.frames), fps: meta.fps, objects, cameras, deforms, shotCameraId: meta.shotCameraId, aspect: meta.aspect };
    state.frame = Math.min(state.frame, state.poses.frames - 1);
    syncCameraHelpers();
    applyFrame();
    fitGrid(new THREE.Box3().setFromObject(content));
    reselect();
    state.updates++;
    state.pendingUpdate = true;
    requestRender();
  }

  function poseOf(array, size, frameIndex) {
    const count = array.length / size;
    const i = count === 1 ? 0 : Math.min(frameIndex, count - 1);
    return array.subarray(i * size, i * size + size);
  }

  function applyFrame() {
    const poses = state.poses;
    for (const [id, node] of state.nodes) {
      const pose = poses && poses.objects.get(id);
      node.visible = !!pose;
      if (pose) {
        node.matrix.fromArray(poseOf(pose, OBJECT_FLOATS, state.frame));
        node.matrixWorldNeedsUpdate = true;
      }
      const deform = poses && poses.deforms.get(id);
      if (deform) {
        applyDeform(node, deform);
      }
    }
    if (!poses) {
      return;
    }
    for (const [id, entry] of state.cameraHelpers) {
      setCamera(entry.camera, poses.cameras.get(id), poses.aspect);
      entry.helper.update();
    }
    setCamera(shotCamera, poses.cameras.get(poses.shotCameraId), poses.aspect);
  }

  function applyDeform(node, deform) {
    const p = poseOf(deform.data, deform.size, state.frame);
    if (node.isSkinnedMesh && deform.joints > 0) {
      const bones = skeletonOf(node, deform.joints).bones;
      for (let j = 0; j < deform.joints; j++) {
        bones[j].matrixWorld.fromArray(p, 16 * j);
      }
    }
    const influences = node.morphTargetInfluences;
    if (influences) {
      for (let t = 0; t < Math.min(deform.morphs, influences.length); t++) {
        influences[t] = p[16 * deform.joints + t];
      }
    }
  }

  function setCamera(camera, array, aspect) {
    if (!array) {
      return;
    }
    const p = poseOf(array, CAMERA_FLOATS, state.frame);
    camera.matrix.fromArray(p, 0);
    camera.matrixWorldNeedsUpdate = true;
    camera.fov = THREE.MathUtils.radToDeg(p[16]);
    camera.near = p[17];
    camera.far = p[18];
    camera.aspect = p[19] || aspect;
    camera.updateProjectionMatrix();
    camera.updateMatrixWorld(true);
  }

  function syncCameraHelpers() {
    const wanted = new Set(state.poses ? state.poses.cameras.keys() : []);
    for (const [id, entry] of state.cameraHelpers) {
      if (!wanted.has(id)) {
        helpers.remove(entry.helper);
        entry.helper.dispose();
        state.cameraHelpers.delete(id);
      }
    }
    for (const id of wanted) {
      if (!state.cameraHelpers.has(id)) {
        const camera = new THREE.PerspectiveCamera();
        camera.matrixAutoUpdate = false;
        const helper = new THREE.CameraHelper(camera);
        helper.userData.previzCameraId = id;
        helpers.add(helper);
        state.cameraHelpers.set(id, { camera, helper });
      }
    }
    for (const [id, entry] of state.cameraHelpers) {
      // Far planes of hundreds of metres would fill the view: draw the frustum a few metres deep.
      entry.camera.far = 4;
      const selected = state.selected && state.selected.kind === 'camera' && state.selected.id === id;
      entry.helper.setColors(
        new THREE.Color(selected ? 0xffc53d : 0xff8a3d), new THREE.Color(0xffffff), new THREE.Color(0x4fb0ff),
        new THREE.Color(0xffffff), new THREE.Color(0x888888));
    }
  }

  function setCameraFrustumDepth() {
    for (const entry of state.cameraHelpers.values()) {
      entry.camera.far = Math.min(entry.camera.far, 4);
      entry.camera.near = Math.min(entry.camera.near, 0.1);
      entry.camera.updateProjectionMatrix();
      entry.helper.update();
    }
  }

  // ---- time and playback ----------------------------------------------------------------------------------------

  function setFrame(frameIndex) {
    const frames = state.poses ? state.poses.frames : 1;
    state.frame = Math.max(0, Math.min(frames - 1, Math.round(frameIndex)));
    applyFrame();
    reselect();
    requestRender();
  }

  function play() {
    if (!state.poses) {
      return;
    }
    if (state.frame >= state.poses.frames - 1) {
      setFrame(0);
    }
    state.playing = true;
    state.playStart = performance.now();
    state.playFrom = state.frame;
    gizmo.detach();
  }

  function pause() {
    state.playing = false;
    reportFrame(true);
    reselect();
  }

  function tickPlayback(now) {
    if (!state.playing || !state.poses) {
      return;
    }
    const frames = state.poses.frames;
    const target = state.playFrom + Math.floor(((now - state.playStart) / 1000) * state.poses.fps);
    if (target >= frames - 1) {
      setFrame(frames - 1);
      state.playing = false;
      reportFrame(true);
      reselect();
      return;
    }
    if (target !== state.frame) {
      setFrame(target);
      reportFrame(false);
    }
  }

  function reportFrame(force) {
    const now = performance.now();
    // The timeline follows playback a few times a second, not every frame: each report is a round trip to the server.
    if (force || now - state.lastReportAt > 200) {
      if (force || state.frame !== state.lastReportedFrame) {
        state.lastReportedFrame = state.frame;
        state.lastReportAt = now;
        dotnet.invokeMethodAsync('OnFrame', state.frame, state.playing).catch(() => {});
      }
    }
  }

  // ---- views ----------------------------------------------------------------------------------------------------

  function setLookThrough(on) {
    state.lookThrough = !!on;
    safeFrame.hidden = !state.lookThrough;
    orbit.enabled = !state.lookThrough;
    reselect();
    requestRender();
  }

  /** The canvas rectangle (x, y from the bottom-left, w, h) the shot's frame fills in look-through view. */
  function frameRect(width, height) {
    const aspect = state.poses ? state.poses.aspect : 16 / 9;
    let w = width;
    let h = Math.round(width / aspect);
    if (h > height) {
      h = height;
      w = Math.round(height * aspect);
    }
    return { x: Math.floor((width - w) / 2), y: Math.floor((height - h) / 2), w, h };
  }

  /**
   * Fits the drawing buffer and the safe frame to the canvas's size. It asks for a frame only when the size changed:
   * render() calls it every frame, so an unconditional request would keep the view drawing while nothing moves.
   */
  function resize() {
    const width = Math.max(1, canvas.clientWidth);
    const height = Math.max(1, canvas.clientHeight);
    const aspect = state.poses ? state.poses.aspect : 16 / 9;
    if (canvas.width === width && canvas.height === height && sized.aspect === aspect) {
      return;
    }
    renderer.setSize(width, height, false);
    sized.aspect = aspect;
    freeCamera.aspect = width / height;
    freeCamera.updateProjectionMatrix();
    const rect = frameRect(width, height);
    Object.assign(safeFrame.style, {
      left: `${rect.x}px`,
      top: `${height - rect.y - rect.h}px`,
      width: `${rect.w}px`,
      height: `${rect.h}px`,
    });
    requestRender();
  }

  function render() {
    resize();
    const width = canvas.width;
    const height = canvas.height;
    renderer.setViewport(0, 0, width, height);
    renderer.setScissor(0, 0, width, height);
    if (state.lookThrough && state.poses) {
      renderer.setClearColor(0x000000, 1);
      renderer.clear();
      const rect = frameRect(width, height);
      renderer.setViewport(rect.x, rect.y, rect.w, rect.h);
      renderer.setScissor(rect.x, rect.y, rect.w, rect.h);
      renderer.setClearColor(background, 1);
      // Through the shot camera the view shows what Direct Render draws: the scene, without the editing aids.
      helpers.visible = false;
      grid.visible = false;
      renderer.render(scene, shotCamera);
    } else {
      setCameraFrustumDepth();
      renderer.setClearColor(background, 1);
      helpers.visible = true;
      grid.visible = true;
      renderer.render(scene, freeCamera);
    }
    state.renders++;
    if (state.pendingUpdate) {
      state.pendingUpdate = false;
      state.lastUpdateRenderedAt = performance.now();
    }
  }

  function loop(now) {
    if (state.disposed) {
      return;
    }
    tickPlayback(now);
    if (state.selected && !gizmo.dragging) {
      selectionBox.update();
    }
    if (state.needsRender || state.playing || bench.running) {
      state.needsRender = false;
      if (bench.running) {
        bench.step(now);
      }
      render();
    }
    requestAnimationFrame(loop);
  }

  // ---- selection and the gizmo --------------------------------------------------------------------------------

  function select(id, kind) {
    state.selected = id ? { id, kind: kind || 'object' } : null;
    syncCameraHelpers();
    reselect();
    requestRender();
  }

  function selectedWorld() {
    const s = state.selected;
    if (!s || !state.poses) {
      return null;
    }
    if (s.kind === 'camera') {
      const pose = state.poses.cameras.get(s.id);
      return pose ? new THREE.Matrix4().fromArray(poseOf(pose, CAMERA_FLOATS, state.frame)) : null;
    }
    const pose = state.poses.objects.get(s.id);
    return pose ? new THREE.Matrix4().fromArray(poseOf(pose, OBJECT_FLOATS, state.frame)) : null;
  }

  function reselect() {
    const s = state.selected;
    const node = s && s.kind === 'object' ? state.nodes.get(s.id) : null;
    if (node && node.visible) {
      selectionBox.setFromObject(node);
      selectionBox.visible = true;
    } else {
      selectionBox.visible = false;
    }
    const world = selectedWorld();
    if (!world || state.playing || state.lookThrough) {
      gizmo.detach();
      return;
    }
    if (!gizmo.dragging) {
      world.decompose(proxy.position, proxy.quaternion, proxy.scale);
      proxy.updateMatrixWorld(true);
      gizmo.attach(proxy);
    }
  }

  gizmo.addEventListener('dragging-changed', (event) => {
    orbit.enabled = !event.value && !state.lookThrough;
    if (!event.value && state.selected) {
      proxy.updateMatrixWorld(true);
      const elements = Array.from(proxy.matrixWorld.elements);
      dotnet.invokeMethodAsync('OnTransformed', state.selected.id, state.selected.kind, elements).catch(() => {});
    }
  });

  gizmo.addEventListener('objectChange', () => {
    // Live preview while dragging; the edit itself is made when the drag ends.
    const s = state.selected;
    if (s && s.kind === 'object') {
      const node = state.nodes.get(s.id);
      if (node) {
        proxy.updateMatrixWorld(true);
        node.matrix.copy(proxy.matrixWorld);
        node.matrixWorldNeedsUpdate = true;
      }
    }
    requestRender();
  });

  orbit.addEventListener('change', requestRender);
  gizmo.addEventListener('change', requestRender);

  function setGizmoMode(mode) {
    if (['translate', 'rotate', 'scale'].includes(mode)) {
      gizmo.setMode(mode);
      requestRender();
    }
  }

  const raycaster = new THREE.Raycaster();

  function pick(clientX, clientY) {
    const bounds = canvas.getBoundingClientRect();
    const ndc = new THREE.Vector2(((clientX - bounds.left) / bounds.width) * 2 - 1, -((clientY - bounds.top) / bounds.height) * 2 + 1);
    raycaster.setFromCamera(ndc, state.lookThrough ? shotCamera : freeCamera);
    const hits = raycaster.intersectObjects(content.children, true);
    for (const hit of hits) {
      let node = hit.object;
      while (node && !(node.userData && typeof node.userData.previzId === 'string' && node.parent === content)) {
        node = node.parent;
      }
      if (node && node.visible) {
        return node.userData.previzId;
      }
    }
    return null;
  }

  function onPointerDown(event) {
    pointer.x = event.clientX;
    pointer.y = event.clientY;
    pointer.down = event.button === 0;
  }

  function onPointerUp(event) {
    if (!pointer.down || gizmo.dragging || gizmo.axis) {
      pointer.down = false;
      return;
    }
    pointer.down = false;
    // A click, not the end of an orbit: the pointer barely moved.
    if (Math.hypot(event.clientX - pointer.x, event.clientY - pointer.y) > 4) {
      return;
    }
    const id = pick(event.clientX, event.clientY);
    select(id, 'object');
    dotnet.invokeMethodAsync('OnPicked', id, 'object').catch(() => {});
  }

  function onKeyDown(event) {
    const target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) {
      return;
    }
    const mode = GIZMO_MODES[event.key.toLowerCase()];
    if (mode) {
      setGizmoMode(mode);
      dotnet.invokeMethodAsync('OnGizmoMode', mode).catch(() => {});
    }
  }

  canvas.addEventListener('pointerdown', onPointerDown);
  canvas.addEventListener('pointerup', onPointerUp);
  window.addEventListener('keydown', onKeyDown);
  const resizeObserver = new ResizeObserver(() => requestRender());
  resizeObserver.observe(canvas);

  // ---- tooling: agreement checks and benchmarks ----------------------------------------------------------------

  const bench = {
    running: false,
    frames: 0,
    started: 0,
    until: 0,
    resolve: null,
    step(now) {
      if (now >= this.until) {
        this.running = false;
        const seconds = (now - this.started) / 1000;
        this.resolve({ frames: this.frames, seconds, fps: this.frames / seconds });
        return;
      }
      // Orbit the free camera around its target, as a person dragging would.
      const offset = freeCamera.position.clone().sub(orbit.target);
      offset.applyAxisAngle(new THREE.Vector3(0, 1, 0), 0.01);
      freeCamera.position.copy(orbit.target).add(offset);
      freeCamera.lookAt(orbit.target);
      this.frames++;
    },
  };

  /** Frames drawn per second while the free camera orbits for `seconds`. */
  function benchmarkOrbit(seconds) {
    setLookThrough(false);
    return new Promise((resolve) => {
      bench.frames = 0;
      bench.started = performance.now();
      bench.until = bench.started + seconds * 1000;
      bench.resolve = resolve;
      bench.running = true;
    });
  }

  /** Frames the whole scene so it fits the free view. */
  function frameAll() {
    const box = new THREE.Box3();
    for (const node of state.nodes.values()) {
      if (node.visible) {
        node.updateMatrixWorld(true);
        box.expandByObject(node);
      }
    }
    if (box.isEmpty()) {
      return;
    }
    const centre = box.getCenter(new THREE.Vector3());
    const radius = Math.max(1, box.getSize(new THREE.Vector3()).length() / 2);
    const distance = radius / Math.tan(THREE.MathUtils.degToRad(freeCamera.fov / 2));
    orbit.target.copy(centre);
    freeCamera.position.copy(centre).add(new THREE.Vector3(0.6, 0.45, 0.65).normalize().multiplyScalar(distance));
    freeCamera.near = Math.max(0.01, distance / 1000);
    freeCamera.far = distance * 20;
    freeCamera.updateProjectionMatrix();
    orbit.update();
    requestRender();
  }

  /**
   * Each object drawn alone, flat white on black, through the shot camera at the current frame into a width×height
   * target: its covered pixel count and centroid (x right, y down, pixel centres at +0.5), as Direct Render's stills
   * are measured.
   */
  function isolatedCentroids(width, height) {
    return isolated(width, height, null).results;
  }

  /** One object drawn alone as isolatedCentroids draws it, as a PNG data URL (to see a disagreement). */
  function isolatedImage(id, width, height) {
    return isolated(width, height, id).image;
  }

  function isolated(width, height, only) {
    const flat = new THREE.MeshBasicMaterial({ color: 0xffffff, side: THREE.DoubleSide });
    const savedOverride = scene.overrideMaterial;
    scene.overrideMaterial = flat;
    const shown = new Map([...state.nodes].map(([id, node]) => [id, node.visible]));
    const results = [];
    let image = null;
    try {
      offscreenThroughShotCamera(width, height, {}, (target, camera, pixels) => {
        for (const [id, node] of state.nodes) {
          if (!shown.get(id) || (only !== null && only !== id)) {
            continue;
          }
          for (const other of state.nodes.values()) {
            other.visible = other === node;
          }
          renderer.clear();
          renderer.render(scene, camera);
          renderer.readRenderTargetPixels(target, 0, 0, width, height, pixels);
          let count = 0;
          let sx = 0;
          let sy = 0;
          for (let y = 0; y < height; y++) {
            for (let x = 0; x < width; x++) {
              if (pixels[(y * width + x) * 4] > 127) {
                count++;
                sx += x + 0.5;
                // Read back bottom row first: flip to image rows.
                sy += height - y - 0.5;
              }
            }
          }
          results.push({ id, count, x: count ? sx / count : null, y: count ? sy / count : null });
          if (only === id) {
            image = toDataUrl(pixels, width, height);
          }
        }
      });
    } finally {
      for (const [id, node] of state.nodes) {
        node.visible = shown.get(id);
      }
      scene.overrideMaterial = savedOverride;
      flat.dispose();
    }
    return { results, image };
  }

  /**
   * The whole scene through the shot camera at the current frame, as the view shades it, without the editing aids, on
   * black, into a width×height sRGB target: a PNG data URL to compare with Direct Render's shaded still.
   */
  function shotImage(width, height) {
    let image = null;
    offscreenThroughShotCamera(width, height, { colorSpace: THREE.SRGBColorSpace }, (target, camera, pixels) => {
      renderer.clear();
      renderer.render(scene, camera);
      renderer.readRenderTargetPixels(target, 0, 0, width, height, pixels);
      image = toDataUrl(pixels, width, height);
    });
    return image;
  }

  /**
   * Runs draw(target, camera, pixels) with a width×height render target (made with targetOptions) bound and cleared to
   * black, the shot camera fitted to that size, and the editing aids hidden; then puts the view back as it was.
   */
  function offscreenThroughShotCamera(width, height, targetOptions, draw) {
    const target = new THREE.WebGLRenderTarget(width, height, targetOptions);
    const camera = shotCamera.clone();
    camera.aspect = width / height;
    camera.updateProjectionMatrix();
    const aids = [grid, helpers, selectionBox, gizmo.getHelper()];
    const aidsShown = aids.map((aid) => aid.visible);
    for (const aid of aids) {
      aid.visible = false;
    }
    renderer.setRenderTarget(target);
    renderer.setViewport(0, 0, width, height);
    renderer.setScissor(0, 0, width, height);
    renderer.setClearColor(0x000000, 1);
    try {
      draw(target, camera, new Uint8Array(width * height * 4));
    } finally {
      renderer.setRenderTarget(null);
      aids.forEach((aid, i) => {
        aid.visible = aidsShown[i];
      });
      target.dispose();
      requestRender();
    }
  }

  function toDataUrl(pixels, width, height) {
    const canvas2d = document.createElement('canvas');
    canvas2d.width = width;
    canvas2d.height = height;
    const context = canvas2d.getContext('2d');
    const data = context.createImageData(width, height);
    for (let y = 0; y < height; y++) {
      // Read back bottom row first.
      data.data.set(pixels.subarray((height - 1 - y) * width * 4, (height - y) * width * 4), y * width * 4);
    }
    context.putImageData(data, 0, 0);
    return canvas2d.toDataURL('image/png');
  }

  function dispose() {
    state.disposed = true;
    canvas.removeEventListener('pointerdown', onPointerDown);
    canvas.removeEventListener('pointerup', onPointerUp);
    window.removeEventListener('keydown', onKeyDown);
    resizeObserver.disconnect();
    gizmo.detach();
    gizmo.dispose();
    orbit.dispose();
    safeFrame.remove();
    disposeTree(content);
    renderer.dispose();
    if (window.__previzViewport === api) {
      delete window.__previzViewport;
    }
  }

  const api = {
    loadGeometry,
    setLighting,
    setPoses,
    setFrame,
    play,
    pause,
    setLookThrough,
    setGizmoMode,
    select,
    frameAll,
    dispose,
    isolatedCentroids,
    isolatedImage,
    shotImage,
    benchmarkOrbit,
    get frame() { return state.frame; },
    get playing() { return state.playing; },
    get lookingThrough() { return state.lookThrough; },
    get updates() { return state.updates; },
    get lastUpdateRenderedAt() { return state.lastUpdateRenderedAt; },
    get renders() { return state.renders; },
    get objectIds() { return [...state.nodes.keys()]; },
    get selected() { return state.selected; },
  };
  // For tests and benchmarks (tooling only): the one viewport on the page.
  window.__previzViewport = api;
  requestAnimationFrame(loop);
  return api;
}

function disposeTree(root) {
  root.traverse((node) => {
    if (node.geometry) {
      node.geometry.dispose();
    }
    const materials = Array.isArray(node.material) ? node.material : node.material ? [node.material] : [];
    for (const material of materials) {
      material.dispose();
    }
  });
}
