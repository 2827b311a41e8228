/**
 * The Kubernetes manifests under deploy/k8s, validated against the Kubernetes API schemas (kubernetes-models,
 * generated from the OpenAPI of Kubernetes itself) and checked for what running this service needs. No cluster
 * runs here; nothing was applied.
 */
import { readdirSync, readFileSync } from 'node:fs';
import t from 'tap';
import { parseAllDocuments } from 'yaml';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { ConfigSchema } from '../src/config.js';

const dir = new URL('../deploy/k8s/', import.meta.url);
const models: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment as never,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler as never,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget as never,
  'v1/ConfigMap': ConfigMap as never,
  'v1/Secret': Secret as never,
  'v1/Service': Service as never,
};
const docs = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => parseAllDocuments(readFileSync(new URL(f, dir), 'utf8')).map((d) => ({ file: f, doc: d.toJSON() as Record<string, any> })));
const byKind = (kind: string) => docs.find((d) => d.doc.kind === kind)?.doc as Record<string, any>;

t.test('every manifest is valid against the Kubernetes API schema', async (t) => {
  t.same(docs.map((d) => d.doc.kind).sort(), ['ConfigMap', 'Deployment', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Secret', 'Service']);
  for (const { file, doc } of docs) {
    const Model = models[`${doc.apiVersion}/${doc.kind}`];
    if (!Model) {
      t.fail(`${file}: no schema for ${doc.apiVersion} ${doc.kind}`);
      continue;
    }
    t.doesNotThrow(() => new Model(doc as never).validate(), `${file}: ${doc.kind} is valid`);
  }
  const broken = structuredClone(byKind('Deployment'));
  broken.spec.replicas = 'three';
  t.throws(() => new Deployment(broken as never).validate(), 'and an invalid one is caught');
});

t.test('three replicas, probes on /ready and /health, resources, secrets from a Secret, and a budget', async (t) => {
  const deployment = byKind('Deployment');
  const container = deployment.spec.template.spec.containers[0];
  t.equal(deployment.spec.replicas, 3);
  t.equal(container.readinessProbe.httpGet.path, '/ready');
  t.equal(container.livenessProbe.httpGet.path, '/health');
  t.ok(container.resources.requests.memory && container.resources.limits.memory, 'memory requests and limits');
  t.same(container.envFrom.map((e: any) => Object.keys(e)[0]).sort(), ['configMapRef', 'secretRef']);
  t.equal(deployment.spec.template.spec.securityContext.runAsNonRoot, true);
  t.equal(byKind('Service').spec.type, 'LoadBalancer');
  t.equal(byKind('HorizontalPodAutoscaler').spec.minReplicas, 3);
  t.equal(byKind('PodDisruptionBudget').spec.minAvailable, 2);
  const known = new Set(Object.keys(ConfigSchema.properties));
  for (const key of [...Object.keys(byKind('ConfigMap').data), ...Object.keys(byKind('Secret').stringData)]) {
    t.ok(known.has(key), `${key} is a configuration key`);
  }
});

t.test('a pod stops inside its grace period: preStop pause plus the drain deadline fit', async (t) => {
  const pod = byKind('Deployment').spec.template.spec;
  const container = pod.containers[0];
  const [cmd, seconds] = container.lifecycle.preStop.exec.command as [string, string];
  t.equal(cmd, 'sleep');
  const drain = Number(byKind('ConfigMap').data.SHUTDOWN_TIMEOUT_SECONDS);
  t.ok(drain > 0, 'the drain deadline is set for the cluster');
  t.ok(Number(seconds) + drain < pod.terminationGracePeriodSeconds, `${seconds} s + ${drain} s < ${pod.terminationGracePeriodSeconds} s`);
});
