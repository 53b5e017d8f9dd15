#!/usr/bin/env python3
"""Writes a realistic manifest tree for bench-estimate.sh: FILES files, about 3.6 documents each
(Deployments with Services and HPAs, training Jobs, CronJobs, StatefulSets, ConfigMaps)."""
import os
import random
import sys

out, files = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 2000
random.seed(7)
GPUS = [("nvidia.com/gpu.product", "NVIDIA-A100-SXM4-40GB"), ("cloud.google.com/gke-accelerator", "nvidia-l4"),
        ("karpenter.k8s.aws/instance-gpu-name", "h100"), ("node.kubernetes.io/instance-type", "g5.12xlarge"),
        ("cloud.google.com/gke-accelerator", "nvidia-tesla-t4")]

def container(name, gpus, cpu, mem):
    return f"""        - name: {name}
          image: registry.example.com/{name}:1.{random.randint(0, 40)}
          args: ["--port", "8080", "--log-level", "info"]
          env:
            - name: MODEL_ID
              value: "org/model-{random.randint(1, 999)}"
            - name: NCCL_DEBUG
              value: WARN
          ports:
            - containerPort: 8080
              name: http
          readinessProbe:
            httpGet: {{path: /health, port: 8080}}
            periodSeconds: 10
          resources:
            requests:
              cpu: "{cpu}"
              memory: {mem}Gi
            limits:
              memory: {mem}Gi
              nvidia.com/gpu: {gpus}
          volumeMounts:
            - {{name: cache, mountPath: /cache}}
"""

def pod_spec(gpus, extra=""):
    key, value = random.choice(GPUS)
    return f"""    spec:
      nodeSelector:
        {key}: {value}
{extra}      tolerations:
        - {{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}}
      containers:
{container("app", gpus, random.choice([4, 8, 16]), random.choice([16, 32, 64]))}      volumes:
        - name: cache
          emptyDir: {{}}
"""

def deployment(i):
    name = f"svc-{i}"
    return f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
  namespace: team-{i % 17}
  labels: {{app: {name}, team: team-{i % 17}}}
spec:
  replicas: {random.randint(1, 4)}
  selector:
    matchLabels: {{app: {name}}}
  template:
    metadata:
      labels: {{app: {name}}}
{pod_spec(1)}---
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
  maxReplicas: {random.randint(4, 12)}
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
    return f"""apiVersion: batch/v1
kind: Job
metadata:
  name: train-{i}
  namespace: research
  annotations:
    costgate.dev/duration: {random.randint(2, 72)}h
spec:
  parallelism: {random.choice([1, 2, 4])}
  completions: {random.choice([1, 2, 4])}
  backoffLimit: 3
  template:
{pod_spec(random.choice([1, 2, 4, 8]), extra="      restartPolicy: Never" + chr(10))}---
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
spec:
  schedule: "{random.randint(0, 59)} {random.randint(0, 23)} * * {random.choice(['*', '1-5', '0,6'])}"
  jobTemplate:
    spec:
      template:
{pod_spec(1, extra="      restartPolicy: OnFailure" + chr(10)).replace(chr(10) + "    ", chr(10) + "        ").replace("    spec:", "        spec:", 1)}"""

os.makedirs(out, exist_ok=True)
documents = 0
for i in range(files):
    directory = os.path.join(out, f"team-{i % 23}")
    os.makedirs(directory, exist_ok=True)
    text = deployment(i) if i % 2 == 0 else job(i)
    documents += text.count("\napiVersion:") + 1
    with open(os.path.join(directory, f"manifest-{i}.yaml"), "w") as handle:
        handle.write(text)
print(f"{files} files, {documents} documents in {out}")
