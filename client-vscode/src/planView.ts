// The communication plan as a tree in the Explorer: programs, then their drafts with type,
// dates and open findings. Data comes from the server's outreach.communicationPlan.
import * as vscode from 'vscode';
import { PlanNode, PlanProgram, planNodes } from './protocol';

export class PlanView implements vscode.TreeDataProvider<PlanNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private nodes: PlanNode[] = [];
  private readonly view: vscode.TreeView<PlanNode>;

  constructor(context: vscode.ExtensionContext, private readonly load: () => Promise<PlanProgram[]>) {
    this.view = vscode.window.createTreeView('outreach.plan', { treeDataProvider: this, showCollapseAll: true });
    context.subscriptions.push(this.view, this.changed);
  }

  async refresh(): Promise<void> {
    try {
      this.nodes = planNodes(await this.load());
      this.view.message = this.nodes.length ? undefined : 'No drafts with a program yet. Run "Outreach: New draft from template".';
    } catch (e) {
      this.nodes = [];
      this.view.message = `Could not load the plan: ${e instanceof Error ? e.message : String(e)}`;
    }
    this.changed.fire();
  }

  async show(): Promise<void> {
    await this.refresh();
    await vscode.commands.executeCommand('outreach.plan.focus');
    const first = this.nodes[0];
    if (first) await this.view.reveal(first, { expand: true, focus: false, select: false }).then(undefined, () => undefined);
  }

  getTreeItem(node: PlanNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, node.children ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.iconPath = new vscode.ThemeIcon(node.icon);
    if (node.uri) {
      item.resourceUri = vscode.Uri.parse(node.uri);
      item.command = { command: 'vscode.open', title: 'Open draft', arguments: [item.resourceUri] };
    }
    return item;
  }

  getChildren(node?: PlanNode): PlanNode[] {
    return node ? (node.children ?? []) : this.nodes;
  }

  getParent(node: PlanNode): PlanNode | undefined {
    return this.nodes.find((p) => p.children?.includes(node));
  }
}
