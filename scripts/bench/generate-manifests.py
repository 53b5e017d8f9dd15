#!/usr/bin/env python3
"""Writes a realistic manifest tree for bench-estimate.sh.

    generate-manifests.py OUT [FILES=2000] [--spot-share S=0.36] [--seed N=7]

FILES files of about 3.5 documents each, in four shapes:
* services: Deployments with their Service, HPA and ConfigMap (1 GPU per pod);
* training: Jobs (parallel copies) with a ConfigMap and an evaluation CronJob;
* gangs: Kubeflow PyTorchJobs of 1-64 nodes (one Master, Workers), 1-8 GPUs a node;
* sweeps: sbatch arrays (8-64 tasks, #COSTGATE run times and checkpoint intervals).
Each Kubernetes GPU workload is on spot capacity with probability S (about a third of all GPU
workloads by default, the sbatch arrays never) (0: a spot-free tree,
1: every Kubernetes GPU workload on spot), through every capacity label the readers know:
Karpenter and EKS (AWS), GKE Spot, preemptible (24 h maximum runtime) and provisioning (GCP),
AKS scale-set priority (Azure), as nodeSelector or required node affinity. Run times 1-96 h,
checkpoint intervals on about half of the spot training workloads. Deterministic for a seed.
(The spot model's fallback k_max has no manifest spelling, so only `costgate spot` exercises it.)
"""
import argparse
import os
import random

parser = argparse.ArgumentParser()
parser.add_argument("out")
parser.add_argument("files", nargs="?", type=int, default=2000)
parser.add_argument("--spot-share", type=float, default=0.36)
parser.add_argument("--seed", type=int, default=7)
args = parser.parse_args()
rng = random.Random(args.seed)
# Placement (capacity, GPU selector, checkpoint interval) draws from its own stream, so trees of
# different spot shares hold the same workloads and differ only in where they run.
place = random.Random(args.seed + 1)

# (cloud, node-selector key, value): the GPU model or instance type, as users write them.
ON_DEMAND_GPUS = [("aws", "nvidia.com/gpu.product", "NVIDIA-A100-SXM4-40GB"), ("gcp", "cloud.google.com/gke-accelerator", "nvidia-l4"),
                  ("aws", "karpenter.k8s.aws/instance-gpu-name", "h100"), ("aws", "node.kubernetes.io/instance-type", "g5.12xlarge"),
                  ("gcp", "cloud.google.com/gke-accelerator", "nvidia-tesla-t4")]
SPOT_GPUS = {
    "aws": [("karpenter.k8s.aws/instance-gpu-name", "h100"), ("karpenter.k8s.aws/instance-gpu-name", "a100"),
            ("karpenter.k8s.aws/instance-gpu-name", "l40s"), ("node.kubernetes.io/instance-type", "p4d.24xlarge"),
            ("node.kubernetes.io/instance-type", "g5.12xlarge"), ("node.kubernetes.io/instance-type", "g6e.12xlarge")],
    "gcp": [("cloud.google.com/gke-accelerator", "nvidia-l4"), ("cloud.google.com/gke-accelerator", "nvidia-tesla-a100"),
            ("cloud.google.com/gke-accelerator", "nvidia-h100-80gb"), ("cloud.google.com/gke-accelerator", "nvidia-tesla-t4")],
    "azure": [("node.kubernetes.io/instance-type", "Standard_NC24ads_A100_v4"),
              ("node.kubernetes.io/instance-type", "Standard_NC96ads_A100_v4"),
              ("node.kubernetes.io/instance-type", "Standard_NC16as_T4_v3")],
}
# (cloud, capacity key, value, weight); gke-preemptible also sets the 24 h maximum runtime.
SPOT_LABELS = [("aws", "karpenter.sh/capacity-type", "spot", 5), ("aws", "eks.amazonaws.com/capacityType", "SPOT", 2),
               ("gcp", "cloud.google.com/gke-spot", '"true"', 3), ("gcp", "cloud.google.com/gke-preemptible", '"true"', 1),
               ("gcp", "cloud.google.com/gke-provisioning", "spot", 1),
               ("azure", "kubernetes.azure.com/scalesetpriority", "spot", 2)]
INTERVALS = ["30m", "1h", "1h", "2h", "4h"]
spot_count = 0


def placement(spot):
    """Node-selection lines (at 6 spaces) and extra annotation lines for one pod template."""
    global spot_count
    if not spot:
        _, key, value = place.choice(ON_DEMAND_GPUS)
        return f"      nodeSelector:\n        {key}: {value}\n", ""
    spot_count += 1
    cloud, cap_key, cap_value, _ = place.choices(SPOT_LABELS, weights=[w for *_, w in SPOT_LABELS])[0]
    key, value = place.choice(SPOT_GPUS[cloud])
    if cloud == "aws" and place.random() < 0.4:
        # Required node affinity, as Karpenter's docs write it.
        return (f"""      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions:
                  - {{key: {cap_key}, operator: In, values: [{cap_value}]}}
                  - {{key: {key}, operator: In, values: [{value}]}}
""", "")
    toleration = ""
    if cloud == "azure":
        toleration = "      tolerations:\n        - {key: kubernetes.azure.com/scalesetpriority, operator: Equal, value: spot, effect: NoSchedule}\n"
    return f"      nodeSelector:\n        {cap_key}: {cap_value}\n        {key}: {value}\n{toleration}", ""


def container(name, gpus, cpu, mem, indent="      "):
    return f"""{indent}  - name: {name}
{indent}    image: registry.example.com/{name}:1.{rng.randint(0, 40)}
{indent}    args: ["--port", "8080", "--log-level", "info"]
{indent}    env:
{indent}      - name: MODEL_ID
{indent}        value: "org/model-{rng.randint(1, 999)}"
{indent}      - name: NCCL_DEBUG
{indent}        value: WARN
{indent}    ports:
{indent}      - containerPort: 8080
{indent}        name: http
{indent}    readinessProbe:
{indent}      httpGet: {{path: /health, port: 8080}}
{indent}      periodSeconds: 10
{indent}    resources:
{indent}      requests:
{indent}        cpu: "{cpu}"
{indent}        memory: {mem}Gi
{indent}      limits:
{indent}        memory: {mem}Gi
{indent}        nvidia.com/gpu: {gpus}
{indent}    volumeMounts:
{indent}      - {{name: cache, mountPath: /cache}}
"""


def pod_spec(gpus, spot, extra=""):
    selection, _ = placement(spot)
    return f"""    spec:
{selection}{extra}      containers:
{container("app", gpus, rng.choice([4, 8, 16]), rng.choice([16, 32, 64]))}      volumes:
        - name: cache
          emptyDir: {{}}
"""


def is_spot():
    return place.random() < args.spot_share


def run_time_annotations(spot):
    lines = f"    costgate.dev/duration: {rng.randint(1, 96)}h\n"
    if spot and place.random() < 0.5:
        lines += f"    costgate.dev/checkpoint-interval: {place.choice(INTERVALS)}\n"
    return lines


def deployment(i):
    name = f"svc-{i}"
    return f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
  namespace: team-{i % 17}
  labels: {{app: {name}, team: team-{i % 17}}}
spec:
  replicas: {rng.randint(1, 4)}
  selector:
    matchLabels: {{app: {name}}}
  template:
    metadata:
      labels: {{app: {name}}}
{pod_spec(1, is_spot())}---
apiVersion: v1
kind: Service
metadata:
  name: {name}
  namespace: team-{i % 17}
spec:
  selector: {{app: {name}}}
  ports:
    - {{port: 80, targetPort: 8080}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {name}
  namespace: team-{i % 17}
spec:
  scaleTargetRef: {{apiVersion: apps/v1, kind: Deployment, name: {name}}}
  minReplicas: 1
  maxReplicas: {rng.randint(4, 12)}
  metrics:
    - type: Resource
      resource: {{name: cpu, target: {{type: Utilization, averageUtilization: 70}}}}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {name}-config
  namespace: team-{i % 17}
data:
  config.yaml: |
    batch_size: 32
    max_tokens: 4096
"""


def job(i):
    spot = is_spot()
    cron_spot = is_spot()
    cron = pod_spec(1, cron_spot, extra="      restartPolicy: OnFailure\n")
    cron = cron.replace("\n    ", "\n        ").replace("    spec:", "        spec:", 1)
    return f"""apiVersion: batch/v1
kind: Job
metadata:
  name: train-{i}
  namespace: research
  annotations:
{run_time_annotations(spot)}spec:
  parallelism: {rng.choice([1, 2, 4])}
  completions: {rng.choice([1, 2, 4])}
  backoffLimit: 3
  template:
{pod_spec(rng.choice([1, 2, 4, 8]), spot, extra="      restartPolicy: Never" + chr(10))}---
apiVersion: v1
kind: ConfigMap
metadata:
  name: train-{i}-args
data:
  lr: "3e-4"
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: eval-{i}
  annotations:
    costgate.dev/duration: {rng.choice([1, 2, 3])}h
spec:
  schedule: "{rng.randint(0, 59)} {rng.randint(0, 23)} * * {rng.choice(['*', '1-5', '0,6'])}"
  jobTemplate:
    spec:
      template:
{cron}"""


def pytorch_job(i):
    spot = is_spot()
    nodes = rng.choice([1, 2, 2, 4, 4, 8, 8, 16, 32, 64])
    gpus = rng.choice([1, 4, 8, 8])
    selection, _ = placement(spot)
    selection = selection.replace("\n      ", "\n          ").replace("      ", "          ", 1)

    def replica(kind, count):
        return f"""    {kind}:
      replicas: {count}
      restartPolicy: OnFailure
      template:
        spec:
{selection}          containers:
{container("pytorch", gpus, 32, 256, indent="          ")}"""
    workers = replica("Worker", nodes - 1) if nodes > 1 else ""
    return f"""apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: pretrain-{i}
  namespace: research
  annotations:
{run_time_annotations(spot)}spec:
  pytorchReplicaSpecs:
{replica("Master", 1)}{workers}"""


def sweep(i):
    tasks = rng.choice([8, 16, 32, 64])
    hours = rng.randint(1, 12)
    checkpoint = f" --checkpoint-interval={rng.choice(INTERVALS)}" if rng.random() < 0.5 else ""
    return f"""#!/bin/bash
#SBATCH -J sweep-{i}
#SBATCH --array=0-{tasks - 1}%8
#SBATCH -N 1
#SBATCH --gres=gpu:{rng.choice(['a100', 'h100'])}:{rng.choice([1, 2, 4])}
#SBATCH -c 8
#SBATCH --mem=64G
#SBATCH -t {hours + 2}:00:00
#SBATCH -A team-{i % 7}
#COSTGATE --duration={hours}h{checkpoint}

srun python sweep.py --trial "$SLURM_ARRAY_TASK_ID"
"""


os.makedirs(args.out, exist_ok=True)
documents = 0
for i in range(args.files):
    directory = os.path.join(args.out, f"team-{i % 23}")
    os.makedirs(directory, exist_ok=True)
    shape = i % 10
    if shape == 9:
        text, name = sweep(i), f"sweep-{i}.sbatch"
    else:
        text = deployment(i) if shape in (0, 2, 4, 6) else (pytorch_job(i) if shape in (3, 7) else job(i))
        name = f"manifest-{i}.yaml"
        documents += text.count("\napiVersion:") + 1
    with open(os.path.join(directory, name), "w") as handle:
        handle.write(text)
print(f"{args.files} files, {documents} YAML documents, {spot_count} pod templates on spot in {args.out}")
