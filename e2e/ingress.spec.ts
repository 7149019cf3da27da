import { expect, test } from '@playwright/test';
import { SAMPLE, apply, commandLog, expectAllRunning, nginxPods, openApp, setManifest, setSpeed, snap } from './helpers';

const SHOP = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: nginx
  ports:
  - port: 80
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
      - path: /api
        pathType: Exact
        backend:
          service:
            name: api
            port:
              number: 8080
`;

test('an Ingress is drawn above the Services with its class, host and address, and routes traffic to its backend', async ({ page }) => {
  await openApp(page);
  await setSpeed(page, 5);
  await setManifest(page, `${SAMPLE}---\n${SHOP}`);
  await expect(await apply(page)).toContainText('ingress.networking.k8s.io/shop created');
  await expectAllRunning(nginxPods(page), 3);

  const ingress = page.getByRole('button', { name: 'Ingress shop', exact: true });
  const service = page.getByRole('button', { name: 'Service web', exact: true });
  // The DefaultIngressClass admission plug-in filled in the class the manifest left out.
  await expect(ingress).toContainText('class nginx');
  await expect(ingress).toContainText('shop.example.com');
  await expect(ingress).toContainText('172.18.255.100');
  // Above the Service column, with an edge to the one backend that exists, labelled with its route.
  const ingressBox = (await ingress.boundingBox())!;
  const serviceBox = (await service.boundingBox())!;
  expect(ingressBox.y + ingressBox.height).toBeLessThan(serviceBox.y);
  expect(Math.abs(ingressBox.x - serviceBox.x)).toBeLessThan(2);
  await expect(page.locator('.react-flow__edge.ingress-edge')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge[data-id="Ingress/default/shop->Service/default/web"]')).toHaveCount(1);
  await expect(page.locator('.ingress-route')).toHaveText('shop.example.com/');

  await page.getByRole('button', { name: 'Send traffic to shop.example.com', exact: true }).click();
  await expect(commandLog(page)).toContainText('kubectl sim traffic http://shop.example.com/ --rps 10 --duration 5m');
  await expect(ingress).toContainText(/\d+(\.\d)? req\/s/);
  await expect(service).toContainText(/\d+(\.\d)? req\/s/);
  await expect(service).toContainText('1.14.2 100%');
  await expect.poll(() => page.locator('.traffic-dot').count()).toBeGreaterThan(0);
  await snap(page, '40-ingress-traffic');

  await ingress.click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector).toContainText('172.18.255.100');
  await expect(inspector).toContainText('Classnginx');
  const rules = inspector.getByRole('table', { name: 'Rules' });
  await expect(rules.locator('tbody tr')).toHaveCount(2);
  await expect(rules.locator('tbody tr').nth(0)).toContainText('shop.example.com');
  await expect(rules.locator('tbody tr').nth(0)).toContainText('Prefix');
  await expect(rules.locator('tbody tr').nth(0)).toContainText('web:80');
  await expect(rules.locator('tbody tr').nth(1)).toContainText('/api');
  await expect(rules.locator('tbody tr').nth(1)).toContainText('Exact');
  await expect(rules.locator('tbody tr').nth(1)).toContainText('api:8080');
  await expect(rules.locator('tbody tr').nth(1)).toContainText('no such Service');
  await expect(page.getByRole('note', { name: 'Why' })).toContainText('The backend Service api does not exist in namespace default');
  await expect(inspector.getByLabel('Traffic totals')).toContainText(/sent \d+ · failed 0/);
  await expect(inspector).toContainText('Events');
  await snap(page, '41-ingress-inspector');
});
