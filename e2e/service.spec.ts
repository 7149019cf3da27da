import { expect, test, type Page } from '@playwright/test';
import { SAMPLE, apply, expectAllRunning, nginxPods, openApp, setManifest, setSpeed, snap } from './helpers';

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  selector:
    app: nginx
  ports:
  - port: 80
    targetPort: 80
`;

/** The endpoint edges React Flow draws from a Service to its pods (decorative, so found by their ids). */
function endpointEdges(page: Page, service: string) {
  return page.locator(`.react-flow__edge.endpoint-edge[data-id^="Service/default/${service}->"]`);
}

test('a Service is drawn on the right with an edge to each ready endpoint pod', async ({ page }) => {
  await openApp(page);
  await setSpeed(page, 30);
  await setManifest(page, `${SAMPLE}---\n${SERVICE}`);
  const results = await apply(page);
  await expect(results).toContainText('service/nginx created');

  const service = page.getByRole('button', { name: 'Service nginx', exact: true });
  await expect(service).toBeVisible();
  await expect(service).toContainText('ClusterIP');
  await expect(service).toContainText('80/TCP');
  await expectAllRunning(nginxPods(page), 3);
  await expect(service).toContainText('3 endpoints');
  await expect(endpointEdges(page, 'nginx')).toHaveCount(3);
  await expect(page.locator('.react-flow__edge.endpoint-edge.not-ready')).toHaveCount(0);
  // The `kubernetes` Service's one endpoint is the API server, at the control plane's address.
  await expect(endpointEdges(page, 'kubernetes')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge[data-id="Service/default/kubernetes->Node//control-plane"]')).toHaveCount(1);

  // The Service column sits to the right of every node box.
  const serviceBox = await service.boundingBox();
  const nodeBox = await page.getByRole('group', { name: 'Node node-1', exact: true }).boundingBox();
  expect(serviceBox && nodeBox && serviceBox.x > nodeBox.x + nodeBox.width).toBe(true);
  await snap(page, '20-service-endpoints');

  await service.click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector).toContainText('nginx.default.svc.cluster.local');
  await expect(inspector).toContainText('app=nginx');
  await expect(inspector.getByRole('list', { name: 'Endpoints' }).getByRole('listitem')).toHaveCount(3);
  await expect(inspector).toContainText('Endpoints (3 ready)');
  await expect(page.getByRole('note', { name: 'Why' })).toHaveCount(0);
  await snap(page, '21-service-inspector');
});

test('a Service whose selector has a typo shows 0 endpoints and says which label is wrong', async ({ page }) => {
  await openApp(page);
  await setSpeed(page, 30);
  await setManifest(page, `${SAMPLE}---\n${SERVICE.replace('name: nginx', 'name: typo').replace('app: nginx', 'app: ngnix')}`);
  await apply(page);
  await expectAllRunning(nginxPods(page), 3);

  const service = page.getByRole('button', { name: 'Service typo', exact: true });
  await expect(service).toContainText('0 endpoints');
  await expect(endpointEdges(page, 'typo')).toHaveCount(0);

  await service.click();
  const why = page.getByRole('note', { name: 'Why' });
  await expect(why).toContainText('The Service has no endpoints, so connections to it are refused');
  await expect(why).toContainText('no pod has the label app: ngnix; pods nearby have app: nginx — fix spec.selector or the pod labels');
  await snap(page, '22-service-selector-typo');
});

const FLAKY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: flaky
spec:
  replicas: 3
  selector:
    matchLabels:
      app: flaky
  template:
    metadata:
      labels:
        app: flaky
      annotations:
        kubesim.io/unready-after: 20s
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
        ports:
        - containerPort: 80
        readinessProbe:
          httpGet:
            path: /
            port: 80
          periodSeconds: 5
---
apiVersion: v1
kind: Service
metadata:
  name: flaky
spec:
  type: NodePort
  selector:
    app: flaky
  ports:
  - port: 80
`;

test('endpoints whose pods stop being Ready are drawn dashed, and the Service says none is Ready', async ({ page }) => {
  await openApp(page);
  await setSpeed(page, 30);
  await setManifest(page, FLAKY);
  await apply(page);

  const service = page.getByRole('button', { name: 'Service flaky', exact: true });
  await expect(service).toContainText('NodePort');
  await expect(service).toContainText(/80:3\d{4}\/TCP/);
  await expect(endpointEdges(page, 'flaky')).toHaveCount(3);
  await expect(service).toContainText('0 endpoints · 3 not ready', { timeout: 30_000 });
  await expect(page.locator('.react-flow__edge.endpoint-edge.not-ready[data-id^="Service/default/flaky->"]')).toHaveCount(3);

  await service.click();
  await expect(page.getByRole('note', { name: 'Why' })).toContainText('3 pods match app: flaky but none is Ready');
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toContainText('Endpoints (0 ready, 3 not ready)');
  await snap(page, '23-service-not-ready-endpoints');
});
