--[[
costgate's gate at slurmctld's door (job_submit/lua).

slurmctld loads this file from the directory of slurm.conf when slurm.conf has
  JobSubmitPlugins=lua
For every submission it hands the job as sbatch resolved it (command-line options and the script's
#SBATCH lines, merged) to `costgate slurm job-submit`, which prices it offline with the site's budget
policy and prints ACCEPT or REJECT and a message. A rejection is shown on sbatch's standard error.

Settings (environment of slurmctld, e.g. a systemd drop-in, or edit the defaults below):
  COSTGATE_BIN       costgate executable                    (default /usr/local/bin/costgate)
  COSTGATE_POLICY    the budget policy                      (default /etc/slurm/costgate-policy.yaml)
  COSTGATE_LEDGER    optional local SQLite ledger whose month counts against monthly quotas
The policy's `admission:` section decides enforce|warn|off and onError allow|deny. If costgate itself
cannot be run (missing, crashed, no verdict printed) the job is ACCEPTED and the failure logged: a broken
cost tool must not stop a cluster. Change MISSING_COSTGATE below to "deny" to fail closed instead.

slurmctld holds its locks while this runs: costgate reads only local files (policy, catalog, ledger)
and answers in milliseconds (integrations/slurm/README.md has the figures).
]]

local COSTGATE = os.getenv("COSTGATE_BIN") or "/usr/local/bin/costgate"
local POLICY = os.getenv("COSTGATE_POLICY") or "/etc/slurm/costgate-policy.yaml"
local LEDGER = os.getenv("COSTGATE_LEDGER")
local MISSING_COSTGATE = os.getenv("COSTGATE_MISSING") or "allow"

-- Slurm's "not set" markers (slurm.h): NO_VAL, NO_VAL16 and INFINITE.
local NO_VAL = 4294967294
local NO_VAL16 = 65534
local INFINITE = 4294967295

local function quote(word)
  return "'" .. string.gsub(tostring(word), "'", "'\\''") .. "'"
end

local function set(value)
  return value ~= nil and value ~= NO_VAL and value ~= NO_VAL16 and value ~= ""
end

-- "gres:gpu:a100:4,gres:shard:2" (or "gres/gpu:4") -> "gpu:a100:4,shard:2", as --gres takes it.
local function gres(tres)
  local out = {}
  for item in string.gmatch(tres, "[^,]+") do
    out[#out + 1] = (string.gsub(item, "^gres[:/]", ""))
  end
  return table.concat(out, ",")
end

-- The sbatch options costgate reads, in their long form, from the job description.
local function options(job_desc)
  local opts = {}
  local function add(option, value) opts[#opts + 1] = option .. "=" .. tostring(value) end
  if set(job_desc.min_nodes) then
    local nodes = tostring(job_desc.min_nodes)
    if set(job_desc.max_nodes) and job_desc.max_nodes ~= job_desc.min_nodes then nodes = nodes .. "-" .. job_desc.max_nodes end
    add("--nodes", nodes)
  end
  if set(job_desc.num_tasks) then add("--ntasks", job_desc.num_tasks) end
  if set(job_desc.ntasks_per_node) then add("--ntasks-per-node", job_desc.ntasks_per_node) end
  if set(job_desc.cpus_per_task) then add("--cpus-per-task", job_desc.cpus_per_task) end
  -- Memory per node in MiB. Per-CPU memory carries slurm.h's MEM_PER_CPU flag in bit 63, which a Lua 5.1
  -- number (a double) cannot hold apart from the value, so it is left out (memory is priced at its rate only).
  local memory = job_desc.pn_min_memory
  if type(memory) == "number" and memory > 0 and memory < 2 ^ 52 then add("--mem", string.format("%d", memory)) end
  if set(job_desc.tres_per_node) then add("--gres", gres(job_desc.tres_per_node)) end
  if set(job_desc.tres_per_job) then add("--gpus", (string.gsub(gres(job_desc.tres_per_job), "^gpu:", ""))) end
  if set(job_desc.tres_per_task) then add("--gpus-per-task", (string.gsub(gres(job_desc.tres_per_task), "^gpu:", ""))) end
  if set(job_desc.time_limit) then
    if job_desc.time_limit == INFINITE then add("--time", "UNLIMITED") else add("--time", job_desc.time_limit) end
  end
  if set(job_desc.array_inx) then add("--array", job_desc.array_inx) end
  if set(job_desc.account) then add("--account", job_desc.account) end
  if set(job_desc.partition) then add("--partition", job_desc.partition) end
  if set(job_desc.features) then add("--constraint", job_desc.features) end
  if set(job_desc.qos) then add("--qos", job_desc.qos) end
  return opts
end

local function decide(job_desc)
  local script = os.tmpname()
  local file = io.open(script, "w")
  if file then
    file:write(job_desc.script or "")
    file:close()
  end
  local words = { quote(COSTGATE), "slurm", "job-submit", "--policy", quote(POLICY), "--script", quote(script) }
  if LEDGER and LEDGER ~= "" then
    words[#words + 1] = "--ledger"
    words[#words + 1] = quote(LEDGER)
  end
  if set(job_desc.name) then
    words[#words + 1] = "--job-name"
    words[#words + 1] = quote(job_desc.name)
  end
  words[#words + 1] = "--"
  for _, option in ipairs(options(job_desc)) do words[#words + 1] = quote(option) end
  local pipe = io.popen(table.concat(words, " ") .. " 2>&1")
  local output = pipe and pipe:read("*a") or ""
  if pipe then pipe:close() end
  os.remove(script)
  local verdict, message = string.match(output, "^(%u+)\n?(.*)$")
  return verdict, message or output
end

function slurm_job_submit(job_desc, part_list, submit_uid)
  local verdict, message = decide(job_desc)
  if verdict == "ACCEPT" then
    if message ~= "" then slurm.log_user("%s", message) end
    return slurm.SUCCESS
  elseif verdict == "REJECT" then
    slurm.log_user("%s", message)
    slurm.log_info("costgate rejected job %s of user %s", tostring(job_desc.name), tostring(job_desc.user_name))
    return slurm.ERROR
  end
  slurm.log_error("costgate gave no verdict (%s): %s", COSTGATE, message)
  if MISSING_COSTGATE == "deny" then
    slurm.log_user("costgate: job rejected: the cost check could not run; ask the cluster's administrators")
    return slurm.ERROR
  end
  return slurm.SUCCESS
end

function slurm_job_modify(job_desc, job_rec, part_list, modify_uid)
  return slurm.SUCCESS
end

slurm.log_info("costgate job_submit.lua loaded (costgate %s, policy %s)", COSTGATE, POLICY)
return slurm.SUCCESS
